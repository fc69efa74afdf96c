/* stamp.h — whether a plan's output is up to date (`fangan build`).
 *
 * After a plan is built without errors, OUTDIR/NAME/.fangan-stamp records
 * a hash of everything that went into its output and the files written.
 * The next build computes the hash again and skips the plan when it is
 * the same and every recorded output still exists.  The inputs:
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
 * PDFs.
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

/* dir/.fangan-stamp records inputs, and every output it lists exists.
 * When it does, *findings gets the findings kept with it (caller frees;
 * "" when none) and *nwarn their number. */
bool stamp_fresh(const char *dir, uint64_t inputs, char **findings, size_t *nwarn);
/* Record inputs, the outputs (plain file names inside dir) and the
 * plan's findings as printed (nwarn of them). */
bool stamp_write(const char *dir, uint64_t inputs, char *const *outputs,
		 size_t noutputs, const char *findings, size_t nwarn, char **err);
/* Forget the stamp (before a plan's outputs are rewritten, so that a
 * build that stops half-way never leaves a stamp vouching for them). */
void stamp_remove(const char *dir);

#endif
