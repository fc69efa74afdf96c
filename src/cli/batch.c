/* batch.c — see batch.h. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "batch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"
#include "i18n.h"

/* ---- what a worker sends ---------------------------------------------- */

/* START before an item (so that a crash can be blamed on it), DONE with
 * its status, followed by nout bytes for stdout and nerr for stderr. */
enum { MSG_START = 1, MSG_DONE = 2 };

typedef struct {
	uint32_t kind, index;
	int32_t status;
	uint32_t nout, nerr;
	uint32_t counts[BATCH_NCOUNTS];
} Msg;

typedef struct {
	bool done;
	int status;
	char *out, *err;
	size_t nout, nerr;
	unsigned long counts[BATCH_NCOUNTS];
} Result;

typedef struct {
	pid_t pid;
	int fd;       /* read end of its pipe; -1 once closed */
	long current; /* the item it started and has not finished, or -1 */
	Buf in;       /* bytes read, not yet parsed */
	size_t used;  /* of in */
} Worker;

typedef struct {
	size_t n;
	BatchJob job;
	void *ctx;
	const BatchOpts *o;
	Result *res;
	size_t printed; /* items 0..printed-1 are out */
	size_t ndone;
	struct timespec t0;
	bool line_shown; /* a progress line is on the terminal */
	double shown_at; /* when it was last written (elapsed) */
	bool out_tty;    /* stdout is a terminal too, so it shares the line */
} Batch;

/* ---- output in item order, and the progress line ----------------------- */

static double elapsed(const Batch *b)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - b->t0.tv_sec) + (double)(t.tv_nsec - b->t0.tv_nsec) / 1e9;
}

static void clear_progress(Batch *b)
{
	if (b->line_shown) {
		fputs("\r\033[K", stderr);
		b->line_shown = false;
	}
}

static void show_progress(Batch *b)
{
	if (!b->o->progress)
		return;
	/* At most ten times a second (20,000 unit copies finish in a few
	 * seconds), and always the last. */
	double now = elapsed(b);
	if (b->line_shown && b->ndone < b->n && now - b->shown_at < 0.1)
		return;
	b->shown_at = now;
	fprintf(stderr, "\r[%zu/%zu] %.1fs\033[K", b->ndone, b->n, now);
	fflush(stderr);
	b->line_shown = true;
}

/* Print every finished item that has no unfinished item before it. */
static void flush_results(Batch *b)
{
	while (b->printed < b->n && b->res[b->printed].done) {
		size_t i = b->printed++;
		Result *r = &b->res[i];
		if (b->o->take) {
			b->o->take(i, r->status, r->out ? r->out : "", r->nout, r->err ? r->err : "",
			           r->nerr, b->ctx);
		} else {
			if ((r->nout && b->out_tty) || r->nerr)
				clear_progress(b);
			if (r->nout) {
				fwrite(r->out, 1, r->nout, stdout);
				fflush(stdout);
			}
			if (r->nerr) {
				fwrite(r->err, 1, r->nerr, stderr);
				fflush(stderr);
			}
		}
		free(r->out);
		free(r->err);
		r->out = r->err = NULL;
	}
}

static void finish(Batch *b, size_t i, int status, char *out, size_t nout, char *err,
		   size_t nerr, const unsigned long *counts)
{
	Result *r = &b->res[i];
	if (r->done) { /* cannot happen; keep the first word */
		free(out);
		free(err);
		return;
	}
	*r = (Result){true, status, out, err, nout, nerr, {0}};
	if (counts)
		memcpy(r->counts, counts, sizeof r->counts);
	b->ndone++;
	flush_results(b);
	show_progress(b);
}

/* Run item i here, capturing what it writes. */
static void run_here(Batch *b, size_t i)
{
	char *out = NULL, *err = NULL;
	size_t nout = 0, nerr = 0;
	FILE *fo = open_memstream(&out, &nout), *fe = open_memstream(&err, &nerr);
	int status = 2;
	unsigned long counts[BATCH_NCOUNTS] = {0};
	if (fo && fe) {
		status = b->job(i, fo, fe, counts, b->ctx);
	} else {
		/* Out of memory for the streams: run the job anyway, straight
		 * to the terminal. */
		clear_progress(b);
		status = b->job(i, stdout, stderr, counts, b->ctx);
	}
	if (fo)
		fclose(fo);
	if (fe)
		fclose(fe);
	finish(b, i, status, out, nout, err, nerr, counts);
}

/* ---- workers ----------------------------------------------------------- */

static bool write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* The worker's whole life: take items until none are left. */
static _Noreturn void worker_main(Batch *b, atomic_size_t *next, int fd)
{
	/* A parent that has gone away makes writes fail with EPIPE rather
	 * than kill the worker silently half-way through a file. */
	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		size_t i = atomic_fetch_add(next, 1);
		if (i >= b->n)
			break;
		Msg m = {MSG_START, (uint32_t)i, 0, 0, 0, {0}};
		if (!write_all(fd, &m, sizeof m))
			_exit(3);
		char *out = NULL, *err = NULL;
		size_t nout = 0, nerr = 0;
		FILE *fo = open_memstream(&out, &nout), *fe = open_memstream(&err, &nerr);
		if (!fo || !fe)
			_exit(3);
		unsigned long counts[BATCH_NCOUNTS] = {0};
		int status = b->job(i, fo, fe, counts, b->ctx);
		fclose(fo);
		fclose(fe);
		m = (Msg){MSG_DONE, (uint32_t)i, status, (uint32_t)nout, (uint32_t)nerr, {0}};
		for (int k = 0; k < BATCH_NCOUNTS; k++)
			m.counts[k] = counts[k] > UINT32_MAX ? UINT32_MAX : (uint32_t)counts[k];
		if (!write_all(fd, &m, sizeof m) || !write_all(fd, out, nout) ||
		    !write_all(fd, err, nerr))
			_exit(3);
		free(out);
		free(err);
	}
	/* _exit: the parent's atexit handlers and stdio buffers are the
	 * parent's business, not to be run or flushed twice. */
	_exit(0);
}

static bool spawn(Batch *b, atomic_size_t *next, Worker *w, Worker *all, size_t nall)
{
	int p[2];
	if (pipe(p) != 0)
		return false;
	/* Whatever is buffered would otherwise be written by the child too. */
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return false;
	}
	if (pid == 0) {
		close(p[0]);
		for (size_t k = 0; k < nall; k++)
			if (all[k].fd >= 0)
				close(all[k].fd);
		worker_main(b, next, p[1]);
	}
	close(p[1]);
	*w = (Worker){.pid = pid, .fd = p[0], .current = -1};
	return true;
}

/* Parse what has arrived from w. */
static void take_messages(Batch *b, Worker *w)
{
	for (;;) {
		size_t avail = w->in.len - w->used;
		Msg m;
		if (avail < sizeof m)
			break;
		memcpy(&m, w->in.s + w->used, sizeof m);
		size_t need = sizeof m + (size_t)m.nout + m.nerr;
		if (avail < need)
			break;
		const char *body = w->in.s + w->used + sizeof m;
		if (m.index < b->n && m.kind == MSG_START) {
			w->current = m.index;
		} else if (m.index < b->n && m.kind == MSG_DONE) {
			w->current = -1;
			char *out = xmalloc(m.nout + 1), *err = xmalloc(m.nerr + 1);
			memcpy(out, body, m.nout);
			memcpy(err, body + m.nout, m.nerr);
			int st = m.status < 0 || m.status > 2 ? 2 : m.status;
			unsigned long counts[BATCH_NCOUNTS];
			for (int k = 0; k < BATCH_NCOUNTS; k++)
				counts[k] = m.counts[k];
			finish(b, m.index, st, out, m.nout, err, m.nerr, counts);
		}
		w->used += need;
	}
	/* Keep the buffer small: drop what has been parsed. */
	if (w->used > 0 && w->used == w->in.len) {
		w->in.len = w->used = 0;
	} else if (w->used > 65536) {
		memmove(w->in.s, w->in.s + w->used, w->in.len - w->used);
		w->in.len -= w->used;
		w->used = 0;
	}
}

/* w's pipe is at its end: reap it, and blame its unfinished item on the
 * way it ended.  Returns true when it ended abnormally. */
static bool reap(Batch *b, Worker *w)
{
	close(w->fd);
	w->fd = -1;
	int st = 0;
	while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
		;
	bool bad = !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	if (w->current >= 0) {
		const char *name = b->o->names ? b->o->names[w->current] : "?";
		char *err;
		if (WIFSIGNALED(st))
			err = xasprintf(_("fangan: %s: the worker building it was killed (signal %d: %s)\n"), name,
					WTERMSIG(st), strsignal(WTERMSIG(st)));
		else
			err = xasprintf(_("fangan: %s: the worker building it exited abnormally (status %d)\n"), name,
					WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		finish(b, (size_t)w->current, 2, NULL, 0, err, strlen(err), NULL);
		w->current = -1;
		bad = true;
	}
	buf_free(&w->in);
	w->used = 0;
	return bad;
}

static void run_workers(Batch *b, unsigned jobs)
{
	atomic_size_t *next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (next == MAP_FAILED) {
		for (size_t i = 0; i < b->n; i++)
			run_here(b, i);
		return;
	}
	atomic_init(next, 0);
	Worker *w = xcalloc(jobs, sizeof *w);
	struct pollfd *pf = xcalloc(jobs, sizeof *pf);
	size_t nw = 0;
	for (unsigned k = 0; k < jobs; k++) {
		w[k].fd = -1;
		if (spawn(b, next, &w[nw], w, nw))
			nw++;
	}
	size_t alive = nw;
	while (alive > 0) {
		size_t np = 0;
		for (size_t k = 0; k < nw; k++)
			if (w[k].fd >= 0)
				pf[np++] = (struct pollfd){.fd = w[k].fd, .events = POLLIN};
		/* On a terminal the clock in the progress line moves even while
		 * every worker is busy with a long plan. */
		int r = poll(pf, np, b->o->progress ? 250 : -1);
		if (r < 0 && errno != EINTR)
			break;
		if (r <= 0) {
			show_progress(b);
			continue;
		}
		for (size_t k = 0; k < nw; k++) {
			if (w[k].fd < 0)
				continue;
			short ev = 0;
			for (size_t q = 0; q < np; q++)
				if (pf[q].fd == w[k].fd)
					ev = pf[q].revents;
			if (!ev)
				continue;
			w[k].in.s = xgrow(w[k].in.s, &w[k].in.cap, w[k].in.len + 65536, 1);
			ssize_t got = read(w[k].fd, w[k].in.s + w[k].in.len, 65536);
			if (got < 0 && errno == EINTR)
				continue;
			if (got > 0) {
				w[k].in.len += (size_t)got;
				take_messages(b, &w[k]);
				continue;
			}
			/* End of the pipe: the worker has finished or died. */
			bool bad = reap(b, &w[k]);
			alive--;
			if (bad && atomic_load(next) < b->n && spawn(b, next, &w[k], w, nw))
				alive++;
		}
	}
	/* Only if poll itself failed: stop the workers and wait for them. */
	for (size_t k = 0; k < nw; k++)
		if (w[k].fd >= 0) {
			kill(w[k].pid, SIGTERM);
			reap(b, &w[k]);
		}
	/* No worker could be started, or none could be replaced: the items
	 * nobody took are built here rather than not at all. */
	for (size_t i; (i = atomic_fetch_add(next, 1)) < b->n;)
		run_here(b, i);
	free(pf);
	free(w);
	munmap(next, sizeof *next);
}

int batch_run(size_t n, BatchJob job, void *ctx, const BatchOpts *o,
              unsigned long totals[BATCH_NCOUNTS])
{
	Batch b = {.n = n, .job = job, .ctx = ctx, .o = o, .out_tty = isatty(STDOUT_FILENO)};
	b.res = xcalloc(n + 1, sizeof *b.res);
	clock_gettime(CLOCK_MONOTONIC, &b.t0);
	unsigned jobs = o->jobs ? o->jobs : 1;
	if (jobs > n)
		jobs = (unsigned)n;
	if (jobs <= 1) {
		for (size_t i = 0; i < n; i++)
			run_here(&b, i);
	} else {
		run_workers(&b, jobs);
	}
	/* Items no worker reported on (all workers lost, fork failing). */
	for (size_t i = 0; i < n; i++)
		if (!b.res[i].done) {
			const char *name = o->names ? o->names[i] : "?";
			char *err = xasprintf(_("fangan: %s: not built (no worker could be started, or all died)\n"), name);
			finish(&b, i, 2, NULL, 0, err, strlen(err), NULL);
		}
	clear_progress(&b);
	int worst = 0;
	if (totals)
		memset(totals, 0, BATCH_NCOUNTS * sizeof *totals);
	for (size_t i = 0; i < n; i++) {
		if (b.res[i].status > worst)
			worst = b.res[i].status;
		for (int k = 0; totals && k < BATCH_NCOUNTS; k++)
			totals[k] += b.res[i].counts[k];
	}
	free(b.res);
	return worst;
}
