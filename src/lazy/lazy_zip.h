/* lazy_zip.h — libzip (DOCX files, written and imported), opened when first needed
 * (lazylib.h).  Include this instead of the library's header, and call
 * lazy_zip_load before the first call. */
#ifndef FANGAN_LAZY_ZIP_H
#define FANGAN_LAZY_ZIP_H

#include <zip.h>

#include "lazylib.h"

#define LAZY_ZIP_FUNCS(X) \
	X(zip_close) \
	X(zip_discard) \
	X(zip_error_fini) \
	X(zip_error_init) \
	X(zip_error_strerror) \
	X(zip_fclose) \
	X(zip_file_add) \
	X(zip_file_set_dostime) \
	X(zip_fopen_index) \
	X(zip_fread) \
	X(zip_get_num_entries) \
	X(zip_name_locate) \
	X(zip_open) \
	X(zip_open_from_source) \
	X(zip_set_file_compression) \
	X(zip_source_buffer) \
	X(zip_source_buffer_create) \
	X(zip_source_close) \
	X(zip_source_error) \
	X(zip_source_free) \
	X(zip_source_keep) \
	X(zip_source_open) \
	X(zip_source_read) \
	X(zip_source_stat) \
	X(zip_stat_index) \
	X(zip_stat_init) \
	X(zip_strerror)

typedef struct {
	LAZY_ZIP_FUNCS(LAZY_PTR)
} LazyZipFns;
extern LazyZipFns lazy_zip;

/* Open the library (once); false and *err (if err) when it cannot be. */
bool lazy_zip_load(char **err);

#ifndef LAZY_ZIP_IMPL
#define zip_close (lazy_zip.zip_close)
#define zip_discard (lazy_zip.zip_discard)
#define zip_error_fini (lazy_zip.zip_error_fini)
#define zip_error_init (lazy_zip.zip_error_init)
#define zip_error_strerror (lazy_zip.zip_error_strerror)
#define zip_fclose (lazy_zip.zip_fclose)
#define zip_file_add (lazy_zip.zip_file_add)
#define zip_file_set_dostime (lazy_zip.zip_file_set_dostime)
#define zip_fopen_index (lazy_zip.zip_fopen_index)
#define zip_fread (lazy_zip.zip_fread)
#define zip_get_num_entries (lazy_zip.zip_get_num_entries)
#define zip_name_locate (lazy_zip.zip_name_locate)
#define zip_open (lazy_zip.zip_open)
#define zip_open_from_source (lazy_zip.zip_open_from_source)
#define zip_set_file_compression (lazy_zip.zip_set_file_compression)
#define zip_source_buffer (lazy_zip.zip_source_buffer)
#define zip_source_buffer_create (lazy_zip.zip_source_buffer_create)
#define zip_source_close (lazy_zip.zip_source_close)
#define zip_source_error (lazy_zip.zip_source_error)
#define zip_source_free (lazy_zip.zip_source_free)
#define zip_source_keep (lazy_zip.zip_source_keep)
#define zip_source_open (lazy_zip.zip_source_open)
#define zip_source_read (lazy_zip.zip_source_read)
#define zip_source_stat (lazy_zip.zip_source_stat)
#define zip_stat_index (lazy_zip.zip_stat_index)
#define zip_stat_init (lazy_zip.zip_stat_init)
#define zip_strerror (lazy_zip.zip_strerror)
#endif

#endif
