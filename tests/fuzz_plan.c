/* fuzz_plan.c — libFuzzer target: read and check any bytes as a plan.
 * `make fuzz` builds it with ASan and UBSan and runs it on plans/ and
 * tests/fuzz/ (where it writes what crashes, to keep as regressions). */
#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "diag.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diags d = {0};
	Plan *p = plan_parse("fuzz.md", (const char *)data, size, &d);
	check_plan(p, &d);
	diag_sort(&d);
	plan_free(p);
	diag_free(&d);
	return 0;
}
