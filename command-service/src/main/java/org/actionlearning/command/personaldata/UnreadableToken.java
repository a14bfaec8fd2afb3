package org.actionlearning.command.personaldata;

/** A value offered for unsealing that is not a sealed token, or whose authentication fails (altered). */
public class UnreadableToken extends IllegalArgumentException {

    public UnreadableToken(String message) {
        super(message);
    }
}
