#include "historytypes.h"
