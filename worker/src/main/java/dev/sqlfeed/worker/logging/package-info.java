/** How sqlfeed's logs read: one line per event for users, the whole trace in the debug log. */
package dev.sqlfeed.worker.logging;
