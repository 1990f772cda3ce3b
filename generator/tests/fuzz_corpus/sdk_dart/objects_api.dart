//
// AUTO-GENERATED FILE, DO NOT MODIFY!
//
// @dart=2.18

// ignore_for_file: unused_element, unused_import
// ignore_for_file: always_put_required_named_parameters_first
// ignore_for_file: constant_identifier_names
// ignore_for_file: lines_longer_than_80_chars

part of openapi.api;


class ObjectsApi {
  ObjectsApi([ApiClient? apiClient]) : apiClient = apiClient ?? defaultApiClient;

  final ApiClient apiClient;

  /// Delete an object
  ///
  /// Note: This method returns the HTTP [Response].
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] objectKey (required):
  ///
  /// * [bool] bypassGovernance:
  ///
  /// * [String] xMfaCode:
  Future<Response> deleteObjectWithHttpInfo(String bucketName, String objectKey, { bool? bypassGovernance, String? xMfaCode, Future<void>? abortTrigger, }) async {
    // ignore: prefer_const_declarations
    final path = r'/buckets/{bucket_name}/objects/{objectKey}'
      .replaceAll('{bucket_name}', bucketName)
      .replaceAll('{objectKey}', objectKey);

    // ignore: prefer_final_locals
    Object? postBody;

    final queryParams = <QueryParam>[];
    final headerParams = <String, String>{};
    final formParams = <String, String>{};

    if (bypassGovernance != null) {
      queryParams.addAll(_queryParams('', 'bypass-governance', bypassGovernance));
    }

    if (xMfaCode != null) {
      headerParams[r'X-Mfa-Code'] = parameterToString(xMfaCode);
    }

    const contentTypes = <String>[];


    return apiClient.invokeAPI(
      path,
      'DELETE',
      queryParams,
      postBody,
      headerParams,
      formParams,
      contentTypes.isEmpty ? null : contentTypes.first,
      abortTrigger: abortTrigger,
    );
  }

  /// Delete an object
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] objectKey (required):
  ///
  /// * [bool] bypassGovernance:
  ///
  /// * [String] xMfaCode:
  Future<void> deleteObject(String bucketName, String objectKey, { bool? bypassGovernance, String? xMfaCode, Future<void>? abortTrigger, }) async {
    final response = await deleteObjectWithHttpInfo(bucketName, objectKey, bypassGovernance: bypassGovernance, xMfaCode: xMfaCode, abortTrigger: abortTrigger,);
    if (response.statusCode >= HttpStatus.badRequest) {
      throw ApiException(response.statusCode, await _decodeBodyBytes(response));
    }
  }

  /// Download an object
  ///
  /// Note: This method returns the HTTP [Response].
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] objectKey (required):
  ///
  /// * [String] versionId:
  ///
  /// * [String] range:
  ///   Byte range, e.g. bytes=0-1023.
  ///
  /// * [DateTime] ifModifiedSince:
  Future<Response> getObjectWithHttpInfo(String bucketName, String objectKey, { String? versionId, String? range, DateTime? ifModifiedSince, Future<void>? abortTrigger, }) async {
    // ignore: prefer_const_declarations
    final path = r'/buckets/{bucket_name}/objects/{objectKey}'
      .replaceAll('{bucket_name}', bucketName)
      .replaceAll('{objectKey}', objectKey);

    // ignore: prefer_final_locals
    Object? postBody;

    final queryParams = <QueryParam>[];
    final headerParams = <String, String>{};
    final formParams = <String, String>{};

    if (versionId != null) {
      queryParams.addAll(_queryParams('', 'versionId', versionId));
    }

    if (range != null) {
      headerParams[r'Range'] = parameterToString(range);
    }
    if (ifModifiedSince != null) {
      headerParams[r'If-Modified-Since'] = parameterToString(ifModifiedSince);
    }

    const contentTypes = <String>[];


    return apiClient.invokeAPI(
      path,
      'GET',
      queryParams,
      postBody,
      headerParams,
      formParams,
      contentTypes.isEmpty ? null : contentTypes.first,
      abortTrigger: abortTrigger,
    );
  }

  /// Download an object
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] objectKey (required):
  ///
  /// * [String] versionId:
  ///
  /// * [String] range:
  ///   Byte range, e.g. bytes=0-1023.
  ///
  /// * [DateTime] ifModifiedSince:
  Future<MultipartFile?> getObject(String bucketName, String objectKey, { String? versionId, String? range, DateTime? ifModifiedSince, Future<void>? abortTrigger, }) async {
    final response = await getObjectWithHttpInfo(bucketName, objectKey, versionId: versionId, range: range, ifModifiedSince: ifModifiedSince, abortTrigger: abortTrigger,);
    if (response.statusCode >= HttpStatus.badRequest) {
      throw ApiException(response.statusCode, await _decodeBodyBytes(response));
    }
    // When a remote server returns no body with a status of 204, we shall not decode it.
    // At the time of writing this, `dart:convert` will throw an "Unexpected end of input"
    // FormatException when trying to decode an empty string.
    if (response.body.isNotEmpty && response.statusCode != HttpStatus.noContent) {
      return await apiClient.deserializeAsync(await _decodeBodyBytes(response), 'MultipartFile',) as MultipartFile;
    
    }
    return null;
  }

  /// Store an object
  ///
  /// Note: This method returns the HTTP [Response].
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] objectKey (required):
  ///
  /// * [MultipartFile] body (required):
  ///
  /// * [String] xContentSha256:
  ///   Hex SHA-256 of the body.
  ///
  /// * [StorageClass] storageClass:
  Future<Response> putObjectWithHttpInfo(String bucketName, String objectKey, MultipartFile body, { String? xContentSha256, StorageClass? storageClass, Future<void>? abortTrigger, }) async {
    // ignore: prefer_const_declarations
    final path = r'/buckets/{bucket_name}/objects/{objectKey}'
      .replaceAll('{bucket_name}', bucketName)
      .replaceAll('{objectKey}', objectKey);

    // ignore: prefer_final_locals
    Object? postBody = body;

    final queryParams = <QueryParam>[];
    final headerParams = <String, String>{};
    final formParams = <String, String>{};

    if (storageClass != null) {
      queryParams.addAll(_queryParams('', 'storage_class', storageClass));
    }

    if (xContentSha256 != null) {
      headerParams[r'X-Content-Sha256'] = parameterToString(xContentSha256);
    }

    const contentTypes = <String>['application/octet-stream'];


    return apiClient.invokeAPI(
      path,
      'PUT',
      queryParams,
      postBody,
      headerParams,
      formParams,
      contentTypes.isEmpty ? null : contentTypes.first,
      abortTrigger: abortTrigger,
    );
  }

  /// Store an object
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] objectKey (required):
  ///
  /// * [MultipartFile] body (required):
  ///
  /// * [String] xContentSha256:
  ///   Hex SHA-256 of the body.
  ///
  /// * [StorageClass] storageClass:
  Future<ObjectInfo?> putObject(String bucketName, String objectKey, MultipartFile body, { String? xContentSha256, StorageClass? storageClass, Future<void>? abortTrigger, }) async {
    final response = await putObjectWithHttpInfo(bucketName, objectKey, body, xContentSha256: xContentSha256, storageClass: storageClass, abortTrigger: abortTrigger,);
    if (response.statusCode >= HttpStatus.badRequest) {
      throw ApiException(response.statusCode, await _decodeBodyBytes(response));
    }
    // When a remote server returns no body with a status of 204, we shall not decode it.
    // At the time of writing this, `dart:convert` will throw an "Unexpected end of input"
    // FormatException when trying to decode an empty string.
    if (response.body.isNotEmpty && response.statusCode != HttpStatus.noContent) {
      return await apiClient.deserializeAsync(await _decodeBodyBytes(response), 'ObjectInfo',) as ObjectInfo;
    
    }
    return null;
  }

  /// Upload an object with a form
  ///
  /// Note: This method returns the HTTP [Response].
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] key (required):
  ///
  /// * [MultipartFile] file (required):
  ///
  /// * [String] contentType:
  ///
  /// * [StorageClass] storageClass:
  ///
  /// * [List<String>] tags:
  Future<Response> uploadObjectWithHttpInfo(String bucketName, String key, MultipartFile file, { String? contentType, StorageClass? storageClass, List<String>? tags, Future<void>? abortTrigger, }) async {
    // ignore: prefer_const_declarations
    final path = r'/buckets/{bucket_name}/uploads'
      .replaceAll('{bucket_name}', bucketName);

    // ignore: prefer_final_locals
    Object? postBody;

    final queryParams = <QueryParam>[];
    final headerParams = <String, String>{};
    final formParams = <String, String>{};

    const contentTypes = <String>['multipart/form-data'];

    bool hasFields = false;
    final mp = MultipartRequest('POST', Uri.parse(path));
    if (key != null) {
      hasFields = true;
      mp.fields[r'key'] = parameterToString(key);
    }
    if (file != null) {
      hasFields = true;
      mp.fields[r'file'] = file.field;
      mp.files.add(file);
    }
    if (contentType != null) {
      hasFields = true;
      mp.fields[r'contentType'] = parameterToString(contentType);
    }
    if (storageClass != null) {
      hasFields = true;
      mp.fields[r'storage_class'] = parameterToString(storageClass);
    }
    if (tags != null) {
      hasFields = true;
      mp.fields[r'tags'] = parameterToString(tags);
    }
    if (hasFields) {
      postBody = mp;
    }

    return apiClient.invokeAPI(
      path,
      'POST',
      queryParams,
      postBody,
      headerParams,
      formParams,
      contentTypes.isEmpty ? null : contentTypes.first,
      abortTrigger: abortTrigger,
    );
  }

  /// Upload an object with a form
  ///
  /// Parameters:
  ///
  /// * [String] bucketName (required):
  ///
  /// * [String] key (required):
  ///
  /// * [MultipartFile] file (required):
  ///
  /// * [String] contentType:
  ///
  /// * [StorageClass] storageClass:
  ///
  /// * [List<String>] tags:
  Future<ObjectInfo?> uploadObject(String bucketName, String key, MultipartFile file, { String? contentType, StorageClass? storageClass, List<String>? tags, Future<void>? abortTrigger, }) async {
    final response = await uploadObjectWithHttpInfo(bucketName, key, file, contentType: contentType, storageClass: storageClass, tags: tags, abortTrigger: abortTrigger,);
    if (response.statusCode >= HttpStatus.badRequest) {
      throw ApiException(response.statusCode, await _decodeBodyBytes(response));
    }
    // When a remote server returns no body with a status of 204, we shall not decode it.
    // At the time of writing this, `dart:convert` will throw an "Unexpected end of input"
    // FormatException when trying to decode an empty string.
    if (response.body.isNotEmpty && response.statusCode != HttpStatus.noContent) {
      return await apiClient.deserializeAsync(await _decodeBodyBytes(response), 'ObjectInfo',) as ObjectInfo;
    
    }
    return null;
  }
}
