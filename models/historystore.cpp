#include "historystore.h"
