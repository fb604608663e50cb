package org.newsradar.alert;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of alert-service, under {@code newsradar.alert}.
 *
 * @param snippetLength longest snippet of article text in an alert
 */
@Validated
@ConfigurationProperties("newsradar.alert")
public record AlertProperties(@Min(40) @DefaultValue("240") int snippetLength) {

}
