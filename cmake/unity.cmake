# Unity builds: CMake compiles the sources of a target in batches (one
# translation unit per batch), so the heavy headers (CLI11, nlohmann/json, fmt,
# date, Catch2) are parsed and their templates compiled once per batch instead
# of once per file. That halves the build and keeps CI under its 20 minutes.
# The presets turn it on (CMAKE_UNITY_BUILD); -DCMAKE_UNITY_BUILD=OFF gives
# file-by-file builds, quicker when you edit one file again and again.
#
# Every core file shares a batch: a helper two files need lives once (issue
# 18), and files whose helpers share a name keep them in a named namespace
# (the importers' `recognise` and `read`; the types a class with linkage holds
# in check.cpp and stock_replay.cpp). Batching the seven files that used to be
# compiled on their own cut the core's build by a sixth (177 -> 146 s of CPU
# at -O2). A file that must stay alone is listed here. Batches hold CMake's
# default 8 files.
set(PUMPLOG_UNITY_ALONE)
set_source_files_properties(${PUMPLOG_UNITY_ALONE} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
