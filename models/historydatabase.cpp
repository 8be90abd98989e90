#include "historydatabase.h"
