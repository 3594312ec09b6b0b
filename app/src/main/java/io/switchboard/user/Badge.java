package io.switchboard.user;

/**
 * A badge an ADMIN defined: users show the one with the highest {@code priority}.
 */
public record Badge(long id, String name, String color, int priority) {

}
