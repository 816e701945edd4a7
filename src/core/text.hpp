#include "pumplog/text.hpp"
