// Entry points of the fuzz executables (see driver.c).
#pragma once
