// SwiftPM links each executable with `--defsym main=<Target>_main` on Linux, and a module built
// with -parse-as-library never defines <Target>_main; libFuzzer's own main then cannot be used.
// So each target's entry point is defined here and hands over to libFuzzer's driver, which runs
// the target's LLVMFuzzerTestOneInput (defined in Swift with @_cdecl).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

int FuzzCSV_main(int argc, char **argv) { return run(argc, argv); }
int FuzzParsers_main(int argc, char **argv) { return run(argc, argv); }
int FuzzScenario_main(int argc, char **argv) { return run(argc, argv); }
int FuzzBacktest_main(int argc, char **argv) { return run(argc, argv); }
