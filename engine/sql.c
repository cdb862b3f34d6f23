/* sumi.data readers: sql (being written). */
#include "data.h"

void sumi_data_register_sql(lua_State *L, int module) {
    (void)L;
    (void)module;
}
