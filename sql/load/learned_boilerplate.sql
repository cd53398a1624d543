SELECT scope, line FROM learned_boilerplate;
