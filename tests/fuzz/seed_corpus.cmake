cmake_minimum_required(VERSION 3.25)
# Copies the seed corpora of the fuzz targets from the repository: cmake -DSOURCE=repo -DOUT=dir -P this.
# Each target's seeds are files of the kind it reads; files are named by their path (a/b.yaml -> a_b.yaml).
function(seed target)
  file(REMOVE_RECURSE ${OUT}/${target})
  file(MAKE_DIRECTORY ${OUT}/${target})
  file(GLOB_RECURSE files RELATIVE ${SOURCE} ${ARGN})
  foreach(f IN LISTS files)
    string(REPLACE "/" "_" name "${f}")
    file(COPY_FILE ${SOURCE}/${f} ${OUT}/${target}/${name})
  endforeach()
endfunction()

set(yaml_files ${SOURCE}/samples/*.yaml ${SOURCE}/tests/golden/*.yaml ${SOURCE}/tests/fixtures/*.yaml
               ${SOURCE}/.pre-commit-hooks.yaml ${SOURCE}/action.yml)
set(json_files ${SOURCE}/samples/*.json ${SOURCE}/tests/golden/*.json ${SOURCE}/tests/fixtures/*.json
               ${SOURCE}/schemas/*.json)
seed(yaml_fast ${yaml_files})
seed(yaml_libyaml ${yaml_files})
seed(yaml_differential ${yaml_files})
seed(json ${json_files})
seed(flowtest ${SOURCE}/samples/tests/*.yaml ${SOURCE}/samples/tests/*.json)
seed(softphone_script ${SOURCE}/samples/tests/*.yaml ${SOURCE}/schemas/softphone.schema.json)
seed(program_file ${SOURCE}/samples/programs/*.yaml ${SOURCE}/schemas/program.schema.json)
seed(serve_router ${SOURCE}/samples/flows/*.json ${SOURCE}/samples/programs/*.yaml)

# The CSV target reads one byte of options before the file (csv_fuzz.cc): ' ' detects the delimiter and
# reads a header; '(' does the same through 16-byte blocks and a 64-byte record limit.
file(REMOVE_RECURSE ${OUT}/csv)
file(MAKE_DIRECTORY ${OUT}/csv)
file(GLOB_RECURSE csv_files RELATIVE ${SOURCE} ${SOURCE}/samples/*.csv ${SOURCE}/tests/fixtures/*.csv
     ${SOURCE}/tests/fixtures/*.tsv)
foreach(f IN LISTS csv_files)
  string(REPLACE "/" "_" name "${f}")
  file(READ ${SOURCE}/${f} content)
  file(WRITE ${OUT}/csv/${name} " ${content}")
  file(WRITE ${OUT}/csv/small-${name} "(${content}")
endforeach()
