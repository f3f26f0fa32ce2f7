// document::libyaml_version() (libyaml_version.h).
#include "document/libyaml_version.h"

#include <yaml.h>

namespace gomo::document {

const char* libyaml_version() { return yaml_get_version_string(); }

}  // namespace gomo::document
