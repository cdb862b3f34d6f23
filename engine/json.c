/* sumi.data readers: json (being written). */
#include "data.h"

void sumi_data_register_json(lua_State *L, int module) {
    (void)L;
    (void)module;
}
