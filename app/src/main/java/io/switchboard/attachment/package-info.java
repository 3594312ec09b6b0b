/**
 * Files people send with their messages: uploads, where their bytes are kept, and who may
 * fetch them.
 */
@NullMarked
package io.switchboard.attachment;

import org.jspecify.annotations.NullMarked;
