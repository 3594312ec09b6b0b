package io.switchboard.user;

/**
 * A badge as it appears on a user: {@code {name, color}}.
 */
public record BadgeLabel(String name, String color) {

}
