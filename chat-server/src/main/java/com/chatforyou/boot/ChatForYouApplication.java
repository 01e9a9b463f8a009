package com.chatforyou.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assembles the domain and its adapters; the only place that wires them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ChatForYouApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatForYouApplication.class, args);
    }
}
