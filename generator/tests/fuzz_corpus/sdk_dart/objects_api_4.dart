part of openapi.api;



class ObjectsApi {
  final ApiClient apiClient;

  ObjectsApi([ApiClient apiClient]) : apiClient = apiClient ?? defaultApiClient;

  /// Delete an object with HTTP info returned
  ///
  /// 
  Future deleteObjectWithHttpInfo(String bucketName, String objectKey, { bool bypassGovernance, String xMfaCode }) async {
    Object postBody;

    // verify required params are set
    if(bucketName == null) {
     throw ApiException(400, "Missing required param: bucketName");
    }
    if(objectKey == null) {
     throw ApiException(400, "Missing required param: objectKey");
    }

    // create path and map variables
    String path = "/buckets/{bucket_name}/objects/{objectKey}".replaceAll("{format}","json").replaceAll("{" + "bucket_name" + "}", bucketName.toString()).replaceAll("{" + "objectKey" + "}", objectKey.toString());

    // query params
    List<QueryParam> queryParams = [];
    Map<String, String> headerParams = {};
    Map<String, String> formParams = {};
    if(bypassGovernance != null) {
      queryParams.addAll(_convertParametersForCollectionFormat("", "bypass-governance", bypassGovernance));
    }
    headerParams["X-Mfa-Code"] = xMfaCode;

    List<String> contentTypes = [];

    String nullableContentType = contentTypes.isNotEmpty ? contentTypes[0] : null;
    List<String> authNames = ["apiKeyHeader", "bearerAuth"];

    if(nullableContentType != null && nullableContentType.startsWith("multipart/form-data")) {
      bool hasFields = false;
      MultipartRequest mp = MultipartRequest(null, null);
      if(hasFields)
        postBody = mp;
    }
    else {
    }

    var response = await apiClient.invokeAPI(path,
                                             'DELETE',
                                             queryParams,
                                             postBody,
                                             headerParams,
                                             formParams,
                                             nullableContentType,
                                             authNames);
    return response;
  }

  /// Delete an object
  ///
  /// 
  Future deleteObject(String bucketName, String objectKey, { bool bypassGovernance, String xMfaCode }) async {
    Response response = await deleteObjectWithHttpInfo(bucketName, objectKey,  bypassGovernance: bypassGovernance, xMfaCode: xMfaCode );
    if(response.statusCode >= 400) {
      throw ApiException(response.statusCode, _decodeBodyBytes(response));
    } else if(response.body != null) {
    } else {
      return;
    }
  }

  /// Download an object with HTTP info returned
  ///
  /// 
  Future<Response> getObjectWithHttpInfo(String bucketName, String objectKey, { String versionId, String range, DateTime ifModifiedSince }) async {
    Object postBody;

    // verify required params are set
    if(bucketName == null) {
     throw ApiException(400, "Missing required param: bucketName");
    }
    if(objectKey == null) {
     throw ApiException(400, "Missing required param: objectKey");
    }

    // create path and map variables
    String path = "/buckets/{bucket_name}/objects/{objectKey}".replaceAll("{format}","json").replaceAll("{" + "bucket_name" + "}", bucketName.toString()).replaceAll("{" + "objectKey" + "}", objectKey.toString());

    // query params
    List<QueryParam> queryParams = [];
    Map<String, String> headerParams = {};
    Map<String, String> formParams = {};
    if(versionId != null) {
      queryParams.addAll(_convertParametersForCollectionFormat("", "versionId", versionId));
    }
    headerParams["Range"] = range;
    headerParams["If-Modified-Since"] = ifModifiedSince;

    List<String> contentTypes = [];

    String nullableContentType = contentTypes.isNotEmpty ? contentTypes[0] : null;
    List<String> authNames = ["apiKeyHeader", "bearerAuth"];

    if(nullableContentType != null && nullableContentType.startsWith("multipart/form-data")) {
      bool hasFields = false;
      MultipartRequest mp = MultipartRequest(null, null);
      if(hasFields)
        postBody = mp;
    }
    else {
    }

    var response = await apiClient.invokeAPI(path,
                                             'GET',
                                             queryParams,
                                             postBody,
                                             headerParams,
                                             formParams,
                                             nullableContentType,
                                             authNames);
    return response;
  }

  /// Download an object
  ///
  /// 
  Future<MultipartFile> getObject(String bucketName, String objectKey, { String versionId, String range, DateTime ifModifiedSince }) async {
    Response response = await getObjectWithHttpInfo(bucketName, objectKey,  versionId: versionId, range: range, ifModifiedSince: ifModifiedSince );
    if(response.statusCode >= 400) {
      throw ApiException(response.statusCode, _decodeBodyBytes(response));
    } else if(response.body != null) {
      return apiClient.deserialize(_decodeBodyBytes(response), 'MultipartFile') as MultipartFile;
    } else {
      return null;
    }
  }

  /// Store an object with HTTP info returned
  ///
  /// 
  Future<Response> putObjectWithHttpInfo(String bucketName, String objectKey, MultipartFile body, { String xContentSha256, StorageClass storageClass }) async {
    Object postBody = body;

    // verify required params are set
    if(bucketName == null) {
     throw ApiException(400, "Missing required param: bucketName");
    }
    if(objectKey == null) {
     throw ApiException(400, "Missing required param: objectKey");
    }
    if(body == null) {
     throw ApiException(400, "Missing required param: body");
    }

    // create path and map variables
    String path = "/buckets/{bucket_name}/objects/{objectKey}".replaceAll("{format}","json").replaceAll("{" + "bucket_name" + "}", bucketName.toString()).replaceAll("{" + "objectKey" + "}", objectKey.toString());

    // query params
    List<QueryParam> queryParams = [];
    Map<String, String> headerParams = {};
    Map<String, String> formParams = {};
    if(storageClass != null) {
      queryParams.addAll(_convertParametersForCollectionFormat("", "storage_class", storageClass));
    }
    headerParams["X-Content-Sha256"] = xContentSha256;

    List<String> contentTypes = ["application/octet-stream"];

    String nullableContentType = contentTypes.isNotEmpty ? contentTypes[0] : null;
    List<String> authNames = ["apiKeyHeader", "bearerAuth"];

    if(nullableContentType != null && nullableContentType.startsWith("multipart/form-data")) {
      bool hasFields = false;
      MultipartRequest mp = MultipartRequest(null, null);
      if(hasFields)
        postBody = mp;
    }
    else {
    }

    var response = await apiClient.invokeAPI(path,
                                             'PUT',
                                             queryParams,
                                             postBody,
                                             headerParams,
                                             formParams,
                                             nullableContentType,
                                             authNames);
    return response;
  }

  /// Store an object
  ///
  /// 
  Future<ObjectInfo> putObject(String bucketName, String objectKey, MultipartFile body, { String xContentSha256, StorageClass storageClass }) async {
    Response response = await putObjectWithHttpInfo(bucketName, objectKey, body,  xContentSha256: xContentSha256, storageClass: storageClass );
    if(response.statusCode >= 400) {
      throw ApiException(response.statusCode, _decodeBodyBytes(response));
    } else if(response.body != null) {
      return apiClient.deserialize(_decodeBodyBytes(response), 'ObjectInfo') as ObjectInfo;
    } else {
      return null;
    }
  }

  /// Upload an object with a form with HTTP info returned
  ///
  /// 
  Future<Response> uploadObjectWithHttpInfo(String bucketName, String key, MultipartFile file, { String contentType, StorageClass storageClass, List<String> tags }) async {
    Object postBody;

    // verify required params are set
    if(bucketName == null) {
     throw ApiException(400, "Missing required param: bucketName");
    }
    if(key == null) {
     throw ApiException(400, "Missing required param: key");
    }
    if(file == null) {
     throw ApiException(400, "Missing required param: file");
    }

    // create path and map variables
    String path = "/buckets/{bucket_name}/uploads".replaceAll("{format}","json").replaceAll("{" + "bucket_name" + "}", bucketName.toString());

    // query params
    List<QueryParam> queryParams = [];
    Map<String, String> headerParams = {};
    Map<String, String> formParams = {};

    List<String> contentTypes = ["multipart/form-data"];

    String nullableContentType = contentTypes.isNotEmpty ? contentTypes[0] : null;
    List<String> authNames = ["apiKeyHeader", "bearerAuth"];

    if(nullableContentType != null && nullableContentType.startsWith("multipart/form-data")) {
      bool hasFields = false;
      MultipartRequest mp = MultipartRequest(null, null);
      if (key != null) {
        hasFields = true;
        mp.fields['key'] = parameterToString(key);
      }
      if (file != null) {
        hasFields = true;
        mp.fields['file'] = file.field;
        mp.files.add(file);
      }
      if (contentType != null) {
        hasFields = true;
        mp.fields['contentType'] = parameterToString(contentType);
      }
      if (storageClass != null) {
        hasFields = true;
        mp.fields['storage_class'] = parameterToString(storageClass);
      }
      if (tags != null) {
        hasFields = true;
        mp.fields['tags'] = parameterToString(tags);
      }
      if(hasFields)
        postBody = mp;
    }
    else {
      if (key != null)
        formParams['key'] = parameterToString(key);
      if (contentType != null)
        formParams['contentType'] = parameterToString(contentType);
      if (storageClass != null)
        formParams['storage_class'] = parameterToString(storageClass);
      if (tags != null)
        formParams['tags'] = parameterToString(tags);
    }

    var response = await apiClient.invokeAPI(path,
                                             'POST',
                                             queryParams,
                                             postBody,
                                             headerParams,
                                             formParams,
                                             nullableContentType,
                                             authNames);
    return response;
  }

  /// Upload an object with a form
  ///
  /// 
  Future<ObjectInfo> uploadObject(String bucketName, String key, MultipartFile file, { String contentType, StorageClass storageClass, List<String> tags }) async {
    Response response = await uploadObjectWithHttpInfo(bucketName, key, file,  contentType: contentType, storageClass: storageClass, tags: tags );
    if(response.statusCode >= 400) {
      throw ApiException(response.statusCode, _decodeBodyBytes(response));
    } else if(response.body != null) {
      return apiClient.deserialize(_decodeBodyBytes(response), 'ObjectInfo') as ObjectInfo;
    } else {
      return null;
    }
  }

}
