/* fuzz_stamp.c — libFuzzer target: any bytes as a build's stamp
 * (OUTDIR/NAME/.fangan-stamp, stamp.h), read by stamp_fresh.  The
 * inputs hash it is asked about is the one the bytes name on their
 * "inputs" line, so that the fuzzer gets past it; the folder holds one
 * output, doc.pdf, that a stamp may name.  Corpus: tests/fuzz/stamp/. */
#include "fuzz_common.h"
#include "stamp.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static int ready;
	if (!ready) {
		fuzz_put("doc.pdf", "%PDF-1.4\n", 9);
		ready = 1;
	}
	fuzz_put(STAMP_NAME, data, size);
	unsigned long long inputs = 0;
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	const char *at = strstr(text, "\ninputs ");
	if (at)
		sscanf(at + 8, "%16llx", &inputs);
	free(text);
	char *findings = NULL;
	size_t nwarn = 0;
	if (stamp_fresh(fuzz_dir(), (uint64_t)inputs, &findings, &nwarn))
		free(findings);
	return 0;
}
