/* stamp.h — whether a plan's output is up to date (`fangan build`).
 *
 * After a plan is built without errors, OUTDIR/NAME/.fangan-stamp records
 * a hash of everything that went into its output and the files written.
 * The next build computes the hash again and skips the plan when it is
 * the same and every recorded output is still the file written (its
 * size, and its modification time or else its CRC-32).  The inputs:
 *
 *   batch: the fangan version and the running binary (size and mtime, so
 *          that a rebuilt fangan re-renders); SOURCE_DATE_EPOCH, which
 *          becomes the PDF's date; the fonts folder's fonts.map; and
 *          every face of every role's chain — path, face index, size and
 *          mtime — since the chain decides which outline draws what;
 *   plan:  the plan file's bytes; each text attachment's path and bytes;
 *          each template an attachment names, as found along the data
 *          search order (or that none was found).
 *
 * The stamp also keeps the plan's findings (warnings only: a plan with
 * errors gets no stamp, so it is never up to date), as they were
 * printed, so that a build that skips the plan can print them again.
 * Stamps are written through a temporary file and rename(), like the
 * PDFs.  A build that ends removes the outputs the plan no longer makes
 * (stamp_end).  A lock on OUTDIR (stamp_lock) keeps two
 * builds from writing one folder at once.
 *
 * The text:
 *   fangan-stamp 3
 *   inputs HEX16
 *   output SIZE SEC.NSEC CRC32HEX NAME      (one per file written)
 *   warnings N
 *   the findings as printed, to the end
 */
#ifndef FANGAN_STAMP_H
#define FANGAN_STAMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fonts.h"
#include "model.h"

#define STAMP_NAME ".fangan-stamp"

/* The inputs every plan of a batch shares.  fonts_dir may be NULL. */
uint64_t stamp_batch_inputs(const FontSet *fs, const char *fonts_dir);
/* batch plus the plan's own inputs. */
uint64_t stamp_plan_inputs(uint64_t batch, const Plan *p);

/* dir/.fangan-stamp records inputs, and every output it lists is still
 * what was written (output_intact in stamp.c: size and time, else CRC).
 * When it is, *findings gets the findings kept with it (caller frees;
 * "" when none) and *nwarn their number. */
bool stamp_fresh(const char *dir, uint64_t inputs, char **findings, size_t *nwarn);

/* Remove the temporary files a killed build left in dir and dir/units/
 * (write_file_atomic's names for .pdf, .docx and the stamp; nothing
 * else, and no symlink).  Call it holding the lock (stamp_lock), before
 * stamp_fresh: a killed build of the same inputs leaves a plan that is
 * up to date, and its litter with it. */
void stamp_clean(const char *dir);
/* A build of the plan into dir begins: the last build's stamp is read,
 * for its outputs (stamp_end).  It stays in place until stamp_write
 * replaces it: it vouches only for files of its sizes and CRCs, so never
 * for a mix of old and new ones. */
typedef struct StampOld StampOld;
StampOld *stamp_begin(const char *dir);
/* Record inputs, the outputs (plain file names inside dir, or
 * units/NAME) with their sizes, times and CRCs (as noted when written,
 * util.h written_crc, else read back), and the plan's findings
 * as printed (nwarn of them); then fsync dir and dir/units/.  A FIFO or
 * folder where the stamp goes is never replaced: an error. */
bool stamp_write(const char *dir, uint64_t inputs, char *const *outputs,
		 size_t noutputs, const char *findings, size_t nwarn, char **err);
/* The build that stamp_begin began has ended.  With outputs (it wrote
 * them all), each output of the last build that this one did not write
 * is removed — only a regular file, reached without following a
 * symlink, still as fangan wrote it (one changed since is left, with a
 * line on err) — and an emptied units/ folder with it.  With outputs
 * NULL (it failed) nothing is removed.  Frees old. */
void stamp_end(StampOld *old, const char *dir, char *const *outputs, size_t noutputs,
               FILE *err);

/* One build of an OUTDIR at a time: lock the folder OUTDIR itself
 * (flock on it; it must exist), so that no lock file is left in it.
 * When another build holds it, say so on msg once and wait for it, up
 * to 10 minutes.  Returns the descriptor to close when done (the lock
 * goes with it, or with the process), or -1 with *err set. */
int stamp_lock(const char *outdir, FILE *msg, char **err);

#endif
