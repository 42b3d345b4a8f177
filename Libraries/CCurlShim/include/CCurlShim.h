#ifndef CCURL_SHIM_WRAPPERS_H
#define CCURL_SHIM_WRAPPERS_H

/* Typed wrappers around libcurl's variadic curl_easy_setopt and
 * curl_easy_getinfo, which Swift cannot call. One wrapper per argument type
 * libcurl expects; the option itself is checked by libcurl as usual. */

#include <curl/curl.h>

/// A `char *` option (CURLOPT_URL, CURLOPT_MAIL_FROM, ...); libcurl copies the string.
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);

/// A `long` option (CURLOPT_UPLOAD, CURLOPT_USE_SSL, CURLOPT_TIMEOUT_MS, ...).
CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);

/// A `curl_off_t` option (CURLOPT_INFILESIZE_LARGE).
CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);

/// A `struct curl_slist *` option (CURLOPT_MAIL_RCPT); the list must outlive the transfer.
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list);

/// A data pointer option (CURLOPT_READDATA, CURLOPT_ERRORBUFFER); must outlive the transfer.
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *pointer);

/// CURLOPT_READFUNCTION: the callback that hands libcurl the bytes to upload.
CURLcode ccurl_setopt_read_function(CURL *handle, curl_read_callback callback);

/// CURLOPT_WRITEFUNCTION: the callback that receives what the server sends (an IMAP
/// command's untagged responses, a fetched message).
CURLcode ccurl_setopt_write_function(CURL *handle, curl_write_callback callback);

/// A `long` information item (CURLINFO_RESPONSE_CODE: the last SMTP reply code).
CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);

/// curl_global_init(CURL_GLOBAL_ALL): the macro is not importable as a constant.
CURLcode ccurl_global_init_all(void);

#endif
