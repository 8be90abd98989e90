#include "historymetrics.h"
