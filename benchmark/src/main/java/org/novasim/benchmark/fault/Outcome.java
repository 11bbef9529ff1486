package org.novasim.benchmark.fault;

/** How one launch under a fault ended. */
public enum Outcome {
    /** The server became ACTIVE. */
    ACTIVE,
    /** The server went to ERROR; its fault says why. */
    ERROR,
    /** The API refused the create with a 503 (it could not hand the request over; nothing was created). */
    REFUSED,
    /** The create got another answer than 202 or 503, or none at all (the API process was away). */
    CREATE_FAILED,
    /** The server was still building when the run stopped waiting for it. */
    STUCK
}
