/* batch.h — run one job per item on worker processes and print what each
 * job wrote in item order (`fangan build -j N`).
 *
 * Workers are forked, not threads: the font cache (face.h) and the
 * libraries under it are not thread-safe, and forked workers share the
 * fonts the parent already parsed copy-on-write.  Workers take the next
 * item from a counter in shared memory, so a slow plan does not hold up
 * the others, and send each job's status and output back through a pipe
 * of their own.  The parent prints a job's output as soon as every
 * earlier item's has been printed, so the output is the same for any
 * number of workers.
 *
 * A worker that dies (a crash, a signal) is reported for the item it was
 * working on, as status 2, and replaced while items remain; whatever
 * happens, every item ends with a status and every worker is reaped.
 */
#ifndef FANGAN_BATCH_H
#define FANGAN_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Numbers a job reports for the summary (what each means is the
 * caller's business); batch_run adds them up over the items. */
#define BATCH_NCOUNTS 5

/* One job: item i, writing what the user should see to out (for stdout)
 * and err (for stderr), and adding to counts (zeroed before).  Returns
 * its status: 0 ok, 1 findings, 2 could not run.  Runs in a worker
 * process, or in this one for jobs = 1. */
typedef int (*BatchJob)(size_t i, FILE *out, FILE *err, unsigned long *counts, void *ctx);

typedef struct {
	unsigned jobs;      /* worker processes; 1 runs the jobs here, in order */
	bool progress;      /* keep "\r[done/total] 1.2s" on stderr */
	char *const *names; /* the items' names, for reporting a crash */
	/* When set, each item's status and output (what its job wrote to
	 * out and err, or why its worker died) go here, in item order,
	 * instead of to stdout and stderr: a job can send data back to this
	 * process this way (forms.c: each unit's findings). */
	void (*take)(size_t i, int status, const char *out, size_t nout, const char *err,
	             size_t nerr, void *ctx);
} BatchOpts;

/* Run job for items 0..n-1.  Returns the worst status; totals (may be
 * NULL) gets the sums of the jobs' counts (an item whose worker died
 * counts nothing). */
int batch_run(size_t n, BatchJob job, void *ctx, const BatchOpts *o,
              unsigned long totals[BATCH_NCOUNTS]);

#endif
