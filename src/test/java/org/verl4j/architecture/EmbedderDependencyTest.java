package org.verl4j.architecture;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedder who adds the verl4j artifact receives EJML and nothing else transitively: every other
 * compile/runtime dependency in pom.xml is {@code <optional>true</optional>} (it is bundled in target/verl4j.jar).
 */
class EmbedderDependencyTest {

    @Test
    void everyNonTestDependencyButEjmlIsOptional() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        Element project = doc.getDocumentElement();
        Element dependencies = (Element) project.getElementsByTagName("dependencies").item(0);
        NodeList deps = dependencies.getElementsByTagName("dependency");
        List<String> transitive = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            String scope = text(dep, "scope", "compile");
            if (scope.equals("test") || scope.equals("provided")) continue;
            if (text(dep, "optional", "false").equals("true")) continue;
            transitive.add(text(dep, "groupId", "") + ":" + text(dep, "artifactId", ""));
        }
        assertThat(transitive).as("dependencies an embedder would receive").containsExactly("org.ejml:ejml-ddense");
    }

    private static String text(Element parent, String tag, String absent) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? absent : nodes.item(0).getTextContent().trim();
    }
}
