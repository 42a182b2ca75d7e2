"""Pure logic of agent mode: the /agent command and the channel's mode hint."""
