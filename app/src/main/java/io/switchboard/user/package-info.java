/**
 * People and service accounts: who they are, their roles, and how other features look
 * them up.
 */
@NullMarked
package io.switchboard.user;

import org.jspecify.annotations.NullMarked;
