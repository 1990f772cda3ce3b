//! The generated client's overhead: requests per second, client CPU time and allocations
//! per request of `umaaas-client` next to the same calls written by hand with reqwest,
//! against a minimal HTTP/1.1 server on 127.0.0.1 in this process.
//!
//! - GET: `list_users` with five filters (strings, a date-time, an integer).
//! - POST: `create_user` with a JSON body (a typed model), decoding the JSON answer.
//!
//! Both sides use the same reqwest version and features, the same model types for bodies,
//! basic auth, `Accept: application/json`, the same `User-Agent` and a 30 s timeout; both build the POST body per
//! request (the generated method takes it by value, the hand-written one by reference).
//! Variants run in interleaved rounds (the order alternating each round) on one
//! current-thread runtime; the server has its own thread, and allocations are counted on
//! the client's thread only. Requests are sequential: one in flight.
//!
//! Run: `cargo run --release -p client-bench [-- REQUESTS_PER_ROUND ROUNDS]`
//! (default 5000 and 7). The server answers at most a fixed number of requests and stops
//! with the program; nothing leaves 127.0.0.1.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::error::Error;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use umaaas_client::models::{ListUsers200Response, ListUsers200ResponseDataInner};
use umaaas_client::time::{format_description::well_known::Rfc3339, OffsetDateTime};

// ---------------------------------------------------------------------------------------
// Allocation counting: a wrapper around the system allocator counting, per thread, every
// allocation (alloc, alloc_zeroed, realloc) and the bytes requested.

struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

fn count(size: usize) {
    // `try_with`: a thread being torn down has no counters left; its allocations are not ours.
    let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|c| c.set(c.get() + size as u64));
}

// SAFETY: every call is forwarded unchanged to `System`; counting touches only
// const-initialised thread-locals without destructors, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocs() -> (u64, u64) {
    (ALLOCS.with(Cell::get), BYTES.with(Cell::get))
}

/// CPU time of the calling thread in nanoseconds (`/proc/thread-self/schedstat`, first
/// field), read without allocating; `None` where the kernel does not provide it.
fn thread_cpu_ns() -> Option<u64> {
    use std::io::Read;
    let mut buf = [0u8; 96];
    let mut file = std::fs::File::open("/proc/thread-self/schedstat").ok()?;
    let n = file.read(&mut buf).ok()?;
    let text = std::str::from_utf8(&buf[..n]).ok()?;
    text.split_whitespace().next()?.parse().ok()
}

// ---------------------------------------------------------------------------------------
// The server: HTTP/1.1 keep-alive, fixed answers, on its own thread.

const LIST_BODY: &str = r#"{"data":[{"id":"u1","umaAddress":"$jane.doe@uma.domain.com","platformUserId":"7b3c5a89d2f1e0","userType":"INDIVIDUAL","fullName":"Jane Doe","dateOfBirth":"1992-03-25","address":{"line1":"123 Pine Street","city":"Seattle","state":"WA","postalCode":"98101","country":"US"}},{"id":"u2","umaAddress":"$john@uma.domain.com","platformUserId":"a1","userType":"INDIVIDUAL","fullName":"John Roe"}],"hasMore":false,"nextCursor":null,"totalCount":2}"#;

/// Stops answering after this many requests (a bound, far above what a run needs).
const MAX_REQUESTS: u64 = 2_000_000;

struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicU64>,
    /// The first request of each kind, as received (request line and headers).
    seen: Arc<Mutex<Vec<String>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start() -> std::io::Result<Server> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let served = Arc::new(AtomicU64::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (stop2, served2, seen2) = (stop.clone(), served.clone(), seen.clone());
        let thread = std::thread::Builder::new().name("server".into()).spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let deadline = Instant::now() + Duration::from_secs(600);
                while !stop2.load(Ordering::Relaxed) && Instant::now() < deadline {
                    if let Ok(Ok((stream, _))) =
                        tokio::time::timeout(Duration::from_millis(100), listener.accept()).await
                    {
                        let _ = stream.set_nodelay(true);
                        tokio::spawn(connection(stream, served2.clone(), seen2.clone()));
                    }
                }
            });
        })?;
        Ok(Server {
            addr,
            stop,
            served,
            seen,
            thread: Some(thread),
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

async fn connection(mut stream: tokio::net::TcpStream, served: Arc<AtomicU64>, seen: Arc<Mutex<Vec<String>>>) {
    let mut buf: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut chunk = [0u8; 16 * 1024];
    let mut out: Vec<u8> = Vec::with_capacity(1024);
    loop {
        let head_end = loop {
            if let Some(i) = find(&buf, b"\r\n\r\n") {
                break i + 4;
            }
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let content_length: usize = head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.trim().parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + content_length {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let request_line = head.lines().next().unwrap_or_default();
        let body = &buf[head_end..head_end + content_length];
        let (status, answer): (&str, &[u8]) = if request_line.starts_with("GET /users?") {
            ("200 OK", LIST_BODY.as_bytes())
        } else if request_line.starts_with("POST /users ") {
            // Echo the user back with an id, as the API does.
            ("201 Created", body)
        } else {
            ("404 Not Found", b"{}")
        };
        // The warm-up sends 1000 requests of each variant in order: keep the first of each.
        if matches!(served.load(Ordering::Relaxed), 0 | 1000 | 2000 | 3000) {
            let mut seen = seen.lock().expect("lock");
            if seen.len() < Variant::ALL.len() {
                let mut s = head.trim_end().to_string();
                if !body.is_empty() {
                    s.push_str(&format!("\n\n{}", String::from_utf8_lossy(body)));
                }
                seen.push(s);
            }
        }
        out.clear();
        out.extend_from_slice(
            format!(
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                answer.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(answer);
        if stream.write_all(&out).await.is_err() {
            return;
        }
        buf.drain(..head_end + content_length);
        if served.fetch_add(1, Ordering::Relaxed) + 1 >= MAX_REQUESTS {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------
// The calls.

type Result<T> = std::result::Result<T, Box<dyn Error>>;

struct Filters {
    platform_user_id: &'static str,
    uma_address: &'static str,
    user_type: &'static str,
    created_after: OffsetDateTime,
    limit: i64,
}

fn filters() -> Filters {
    Filters {
        platform_user_id: "7b3c5a89d2f1e0",
        uma_address: "$jane.doe@uma.domain.com",
        user_type: "INDIVIDUAL",
        created_after: OffsetDateTime::from_unix_timestamp(1_700_000_000).expect("timestamp"),
        limit: 50,
    }
}

/// The POST body, built from its parts for every request (by both variants).
fn new_user() -> ListUsers200ResponseDataInner {
    ListUsers200ResponseDataInner {
        uma_address: Some("$jane.doe@uma.domain.com".into()),
        platform_user_id: Some("7b3c5a89d2f1e0".into()),
        user_type: Some("INDIVIDUAL".into()),
        full_name: Some("Jane Doe".into()),
        date_of_birth: Some("1992-03-25".into()),
        ..Default::default()
    }
}

async fn generated_get(client: &umaaas_client::Client, f: &Filters) -> Result<ListUsers200Response> {
    let response = client
        .list_users()
        .platform_user_id(f.platform_user_id)
        .uma_address(f.uma_address)
        .user_type(f.user_type)
        .created_after(f.created_after)
        .limit(f.limit)
        .send()
        .await?;
    Ok(response.into_body())
}

async fn generated_post(client: &umaaas_client::Client) -> Result<ListUsers200ResponseDataInner> {
    Ok(client.create_user(new_user()).send().await?.into_body())
}

/// The same calls written by hand with reqwest.
struct Hand {
    http: reqwest::Client,
    users_url: String,
}

impl Hand {
    async fn list_users(&self, f: &Filters) -> Result<ListUsers200Response> {
        let created_after = f.created_after.format(&Rfc3339)?;
        let response = self
            .http
            .get(&self.users_url)
            .query(&[
                ("platformUserId", f.platform_user_id),
                ("umaAddress", f.uma_address),
                ("userType", f.user_type),
                ("createdAfter", &created_after),
            ])
            .query(&[("limit", f.limit)])
            .basic_auth("user", Some("secret"))
            .header(reqwest::header::ACCEPT, "application/json")
            .timeout(Duration::from_secs(30))
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        if !status.is_success() {
            return Err(format!("list_users: {status}").into());
        }
        Ok(serde_json::from_slice(&body)?)
    }

    async fn create_user(&self, user: &ListUsers200ResponseDataInner) -> Result<ListUsers200ResponseDataInner> {
        let response = self
            .http
            .post(&self.users_url)
            .basic_auth("user", Some("secret"))
            .header(reqwest::header::ACCEPT, "application/json")
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(serde_json::to_vec(user)?)
            .timeout(Duration::from_secs(30))
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        if !status.is_success() {
            return Err(format!("create_user: {status}").into());
        }
        Ok(serde_json::from_slice(&body)?)
    }
}

// ---------------------------------------------------------------------------------------
// Measuring.

#[derive(Clone, Copy, PartialEq)]
enum Variant {
    GeneratedGet,
    HandGet,
    GeneratedPost,
    HandPost,
}

impl Variant {
    const ALL: [Variant; 4] = [Variant::GeneratedGet, Variant::HandGet, Variant::GeneratedPost, Variant::HandPost];

    fn name(self) -> &'static str {
        match self {
            Variant::GeneratedGet => "GET list_users, generated",
            Variant::HandGet => "GET list_users, reqwest by hand",
            Variant::GeneratedPost => "POST create_user, generated",
            Variant::HandPost => "POST create_user, reqwest by hand",
        }
    }
}

struct Sample {
    secs: f64,
    cpu_ns: Option<u64>,
    allocs: u64,
    bytes: u64,
}

async fn one(v: Variant, client: &umaaas_client::Client, hand: &Hand, f: &Filters) -> Result<()> {
    match v {
        Variant::GeneratedGet => {
            let body = generated_get(client, f).await?;
            assert!(body.get("data").is_some());
        }
        Variant::HandGet => {
            let body = hand.list_users(f).await?;
            assert!(body.get("data").is_some());
        }
        Variant::GeneratedPost => {
            let user = generated_post(client).await?;
            assert!(user.uma_address.is_some());
        }
        Variant::HandPost => {
            let user = hand.create_user(&new_user()).await?;
            assert!(user.uma_address.is_some());
        }
    }
    Ok(())
}

async fn run(v: Variant, n: usize, client: &umaaas_client::Client, hand: &Hand, f: &Filters) -> Result<Sample> {
    let cpu0 = thread_cpu_ns();
    let (a0, b0) = allocs();
    let t0 = Instant::now();
    for _ in 0..n {
        one(v, client, hand, f).await?;
    }
    let secs = t0.elapsed().as_secs_f64();
    let (a1, b1) = allocs();
    let cpu1 = thread_cpu_ns();
    Ok(Sample {
        secs,
        cpu_ns: cpu0.zip(cpu1).map(|(a, b)| b - a),
        allocs: a1 - a0,
        bytes: b1 - b0,
    })
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let m = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[m]
    } else {
        (xs[m - 1] + xs[m]) / 2.0
    }
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let per_round: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(5000);
    let rounds: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(7);
    assert!(
        per_round * rounds * 4 + 10_000 < MAX_REQUESTS as usize,
        "at most {MAX_REQUESTS} requests"
    );

    let server = Server::start()?;
    let base = format!("http://{}", server.addr);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let client = umaaas_client::Client::builder()
        .base_url(&base)
        .basic_auth("user", "secret")
        .timeout(Duration::from_secs(30))
        .build()?;
    // The generated client sends `User-Agent: umaaas-client/0.1.0 (generated)` by default;
    // the hand-written calls send the same header, set once on the reqwest client.
    let hand = Hand {
        http: reqwest::Client::builder().user_agent("umaaas-client/0.1.0 (generated)").build()?,
        users_url: format!("{base}/users"),
    };
    let f = filters();

    let mut samples: Vec<Vec<Sample>> = Variant::ALL.iter().map(|_| Vec::new()).collect();
    rt.block_on(async {
        // Warm-up, 1000 requests of each variant in order: connections pooled, caches and
        // allocator warm.
        for v in Variant::ALL {
            run(v, 1000, &client, &hand, &f).await?;
        }
        for round in 0..rounds {
            let mut order = Variant::ALL.to_vec();
            if round % 2 == 1 {
                order.reverse();
            }
            for v in order {
                let i = Variant::ALL.iter().position(|x| *x == v).expect("listed");
                samples[i].push(run(v, per_round, &client, &hand, &f).await?);
            }
        }
        Ok::<_, Box<dyn Error>>(())
    })?;

    println!("What the server received (the first request of each variant):\n");
    for (v, s) in Variant::ALL.iter().zip(server.seen.lock().expect("lock").iter()) {
        println!("-- {}\n{s}\n", v.name());
    }
    println!(
        "{rounds} rounds of {per_round} sequential requests per variant (medians; allocations counted on the client thread)\n"
    );
    println!(
        "| {:<34} | {:>10} | {:>13} | {:>12} | {:>13} |",
        "call", "requests/s", "client CPU µs", "allocations", "bytes alloc."
    );
    println!("|{:-<36}|{:-<12}|{:-<15}|{:-<14}|{:-<15}|", "", "", "", "", "");
    let mut rps = Vec::new();
    let mut cpu = Vec::new();
    let mut al = Vec::new();
    for (v, s) in Variant::ALL.iter().zip(&samples) {
        let r = median(s.iter().map(|s| per_round as f64 / s.secs).collect());
        let c = if s.iter().all(|s| s.cpu_ns.is_some()) {
            Some(median(s.iter().map(|s| s.cpu_ns.unwrap_or(0) as f64 / per_round as f64 / 1e3).collect()))
        } else {
            None
        };
        let a = median(s.iter().map(|s| s.allocs as f64 / per_round as f64).collect());
        let b = median(s.iter().map(|s| s.bytes as f64 / per_round as f64).collect());
        println!(
            "| {:<34} | {:>10.0} | {:>13} | {:>12.1} | {:>13.0} |",
            v.name(),
            r,
            c.map(|c| format!("{c:.1}")).unwrap_or_else(|| "n/a".into()),
            a,
            b
        );
        rps.push(r);
        cpu.push(c);
        al.push(a);
    }
    println!();
    for (what, g, h) in [("GET", 0, 1), ("POST", 2, 3)] {
        let cpu = match (cpu[g], cpu[h]) {
            (Some(a), Some(b)) => format!(", client CPU {:+.1}%", (a / b - 1.0) * 100.0),
            _ => String::new(),
        };
        println!(
            "{what}: generated vs hand-written: requests/s {:+.1}%{cpu}, allocations {:+.1} per request",
            (rps[g] / rps[h] - 1.0) * 100.0,
            al[g] - al[h]
        );
    }
    println!("server answered {} requests", server.served.load(Ordering::Relaxed));
    drop(server);
    Ok(())
}
