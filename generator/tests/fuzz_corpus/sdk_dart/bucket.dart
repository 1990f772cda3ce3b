//
// AUTO-GENERATED FILE, DO NOT MODIFY!
//
// @dart=2.18

// ignore_for_file: unused_element, unused_import
// ignore_for_file: always_put_required_named_parameters_first
// ignore_for_file: constant_identifier_names
// ignore_for_file: lines_longer_than_80_chars

part of openapi.api;

class Bucket {
  /// Returns a new [Bucket] instance.
  Bucket({
    required this.name,
    this.region,
    required this.createdAt,
    this.objectCount,
  });

  String name;

  ///
  /// Please note: This property should have been non-nullable! Since the specification file
  /// does not include a default value (using the "default:" property), however, the generated
  /// source code must fall back to having a nullable type.
  /// Consider adding a "default:" property in the specification file to hide this note.
  ///
  String? region;

  DateTime createdAt;

  ///
  /// Please note: This property should have been non-nullable! Since the specification file
  /// does not include a default value (using the "default:" property), however, the generated
  /// source code must fall back to having a nullable type.
  /// Consider adding a "default:" property in the specification file to hide this note.
  ///
  int? objectCount;

  @override
  bool operator ==(Object other) => identical(this, other) || other is Bucket &&
    other.name == name &&
    other.region == region &&
    other.createdAt == createdAt &&
    other.objectCount == objectCount;

  @override
  int get hashCode =>
    // ignore: unnecessary_parenthesis
    (name.hashCode) +
    (region == null ? 0 : region!.hashCode) +
    (createdAt.hashCode) +
    (objectCount == null ? 0 : objectCount!.hashCode);

  @override
  String toString() => 'Bucket[name=$name, region=$region, createdAt=$createdAt, objectCount=$objectCount]';

  Map<String, dynamic> toJson() {
    final json = <String, dynamic>{};
      json[r'name'] = this.name;
    if (this.region != null) {
      json[r'region'] = this.region;
    } else {
      json[r'region'] = null;
    }
      json[r'createdAt'] = this.createdAt.toUtc().toIso8601String();
    if (this.objectCount != null) {
      json[r'object_count'] = this.objectCount;
    } else {
      json[r'object_count'] = null;
    }
    return json;
  }

  /// Returns a new [Bucket] instance and imports its values from
  /// [value] if it's a [Map], null otherwise.
  // ignore: prefer_constructors_over_static_methods
  static Bucket? fromJson(dynamic value) {
    if (value is Map) {
      final json = value.cast<String, dynamic>();

      // Ensure that the map contains the required keys.
      // Note 1: the values aren't checked for validity beyond being non-null.
      // Note 2: this code is stripped in release mode!
      assert(() {
        assert(json.containsKey(r'name'), 'Required key "Bucket[name]" is missing from JSON.');
        assert(json[r'name'] != null, 'Required key "Bucket[name]" has a null value in JSON.');
        assert(json.containsKey(r'createdAt'), 'Required key "Bucket[createdAt]" is missing from JSON.');
        assert(json[r'createdAt'] != null, 'Required key "Bucket[createdAt]" has a null value in JSON.');
        return true;
      }());

      return Bucket(
        name: mapValueOfType<String>(json, r'name')!,
        region: mapValueOfType<String>(json, r'region'),
        createdAt: mapDateTime(json, r'createdAt', r'')!,
        objectCount: mapValueOfType<int>(json, r'object_count'),
      );
    }
    return null;
  }

  static List<Bucket> listFromJson(dynamic json, {bool growable = false,}) {
    final result = <Bucket>[];
    if (json is List && json.isNotEmpty) {
      for (final row in json) {
        final value = Bucket.fromJson(row);
        if (value != null) {
          result.add(value);
        }
      }
    }
    return result.toList(growable: growable);
  }

  static Map<String, Bucket> mapFromJson(dynamic json) {
    final map = <String, Bucket>{};
    if (json is Map && json.isNotEmpty) {
      json = json.cast<String, dynamic>(); // ignore: parameter_assignments
      for (final entry in json.entries) {
        final value = Bucket.fromJson(entry.value);
        if (value != null) {
          map[entry.key] = value;
        }
      }
    }
    return map;
  }

  // maps a json object with a list of Bucket-objects as value to a dart map
  static Map<String, List<Bucket>> mapListFromJson(dynamic json, {bool growable = false,}) {
    final map = <String, List<Bucket>>{};
    if (json is Map && json.isNotEmpty) {
      // ignore: parameter_assignments
      json = json.cast<String, dynamic>();
      for (final entry in json.entries) {
        map[entry.key] = Bucket.listFromJson(entry.value, growable: growable,);
      }
    }
    return map;
  }

  /// The list of required keys that must be present in a JSON.
  static const requiredKeys = <String>{
    'name',
    'createdAt',
  };
}

