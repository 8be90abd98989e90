#include "historysync.h"
