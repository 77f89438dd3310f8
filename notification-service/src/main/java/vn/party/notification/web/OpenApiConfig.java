package vn.party.notification.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.party.notification.config.NotificationProperties;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  private static final String BASIC = "basicAuth";

  @Bean
  OpenAPI notificationApi(NotificationProperties properties) {
    return new OpenAPI()
        .info(
            new Info()
                .title("notification-service – Thông báo đánh giá, xếp loại")
                .description(
                    "Thông báo trong ứng dụng và thư điện tử về việc đánh giá, xếp loại chất lượng đảng viên. "
                        + "Đăng nhập bằng tài khoản của hệ thống đánh giá (HTTP Basic). "
                        + "Texts follow Accept-Language: Vietnamese by default, English with `en`.")
                .version("v1"))
        .addServersItem(new Server().url(properties.publicUrl().toString()))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
