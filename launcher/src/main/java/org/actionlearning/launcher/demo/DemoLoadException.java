package org.actionlearning.launcher.demo;

/** Loading the demo data failed: names the step, the request and the service's answer. */
public class DemoLoadException extends RuntimeException {

    public DemoLoadException(String message) {
        super(message);
    }

    public DemoLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
