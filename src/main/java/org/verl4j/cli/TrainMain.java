package org.verl4j.cli;

/**
 * A main class that does what {@code verl4j train} does, for IDE run configurations and {@code java -cp}:
 * {@code java -cp target/verl4j.jar org.verl4j.cli.TrainMain [train options]} is {@code verl4j train [train options]}
 * (same options, same error messages and exit codes).
 */
public final class TrainMain {

    private TrainMain() {
    }

    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        System.exit(Main.commandLine().execute(all));
    }
}
