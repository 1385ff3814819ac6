/** The {@code groqj} command. Shipped as a class-path jar with its dependencies shaded in. */
module dev.groqj.cli {
    requires dev.groqj.core;
    requires dev.groqj.testkit;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.jline.reader;
    requires org.jline.terminal;

    opens dev.groqj.cli to info.picocli, com.fasterxml.jackson.databind; // option fields; the demo's typed answers
}
