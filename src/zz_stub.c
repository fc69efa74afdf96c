#include "check.h"
void check_meta(const Plan *p, Diags *d){(void)p;(void)d;}
void check_timeline(const Plan *p, Diags *d){(void)p;(void)d;}
void check_criteria(const Plan *p, Diags *d){(void)p;(void)d;}
