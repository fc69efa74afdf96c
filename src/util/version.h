/* version.h — the one place the version is written. */
#ifndef FANGAN_VERSION_H
#define FANGAN_VERSION_H
#define FANGAN_VERSION "0.1.0"
#endif
