package com.chatforyou.boot.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile as a list of instructions (continuation lines joined, comments dropped), enough to check
 * what the image copies, exposes, runs as and probes. Not a full parser: no heredocs, no escape directive.
 */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String whole = current.toString().strip();
            current.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            int space = whole.indexOf(' ');
            instructions.add(space < 0
                    ? new Instruction(whole.toUpperCase(Locale.ROOT), "")
                    : new Instruction(whole.substring(0, space).toUpperCase(Locale.ROOT), whole.substring(space + 1).strip()));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    /** The instructions of the last stage, the image that ships. */
    Dockerfile runtimeStage() {
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return new Dockerfile(instructions.subList(Math.max(lastFrom, 0), instructions.size()));
    }

    /** The build stage, the one named {@code build}. */
    Dockerfile buildStage() {
        int start = -1;
        int end = instructions.size();
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                if (start >= 0) {
                    end = i;
                    break;
                }
                if (instructions.get(i).arguments().endsWith(" AS build")) {
                    start = i;
                }
            }
        }
        return new Dockerfile(start < 0 ? List.of() : instructions.subList(start, end));
    }

    /** The stages' base images with the build arguments' defaults put in, as a plain build uses them. */
    List<String> baseImages() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String argument : all("ARG")) {
            int equals = argument.indexOf('=');
            if (equals > 0) {
                defaults.put(argument.substring(0, equals), argument.substring(equals + 1));
            }
        }
        List<String> images = new ArrayList<>();
        for (String from : all("FROM")) {
            String resolved = from;
            for (Map.Entry<String, String> argument : defaults.entrySet()) {
                resolved = resolved.replace("${" + argument.getKey() + "}", argument.getValue());
            }
            images.add(resolved);
        }
        return images;
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** ENV instructions in the KEY=value form, quotes removed; later ones win. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String arguments : all("ENV")) {
            Matcher pair = ENV_PAIR.matcher(arguments);
            boolean any = false;
            while (pair.find()) {
                any = true;
                String value = pair.group(2);
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                environment.put(pair.group(1), value);
            }
            if (!any) {
                throw new IllegalArgumentException("ENV without KEY=value: " + arguments);
            }
        }
        return environment;
    }
}
