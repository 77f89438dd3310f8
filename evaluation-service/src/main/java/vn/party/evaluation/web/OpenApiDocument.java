package vn.party.evaluation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The domain API's OpenAPI document ({@code /v3/api-docs}), complete enough to generate a client from (issue 16):
 * title, description, the project's version, contact and licence; HTTP Basic on every operation; a stable
 * operationId per operation; an example for every request body; and every error answer as RFC 9457 problem details
 * (Spring's {@code ProblemDetail}, with {@code errors[{field, reason, message}]}) with an example per operation.
 * The document is kept in docs/openapi.json and checked against what is served (OpenApiDocumentTest), linted by
 * Redocly in the build (redocly.yaml), and a Java client generated from it drives an end-to-end test.
 */
@Configuration
public class OpenApiDocument {

  static final String BASIC = "basicAuth";
  static final String PROBLEM = "ProblemDetail";
  static final String PROBLEM_JSON = "application/problem+json";

  /** The licence of the API and its documents: the repository's LICENSE file, and the AsyncAPI's info.license. */
  static final String LICENCE_NAME =
      "Sử dụng nội bộ của các tổ chức đảng / internal use of the Party organizations";

  static final String LICENCE_IDENTIFIER = "LicenseRef-Party-Evaluation-Internal";

  /** Stable operation ids (the client's method names), by controller method. */
  private static final Map<String, String> OPERATION_IDS =
      Map.ofEntries(
          Map.entry("CampaignController#open", "openCampaign"),
          Map.entry("CampaignController#get", "getCampaign"),
          Map.entry("TaskController#list", "listMyTasks"),
          Map.entry("TaskController#claim", "claimTask"),
          Map.entry("TaskController#complete", "completeTask"),
          Map.entry("EvaluationController#get", "getEvaluation"),
          Map.entry("EvaluationController#history", "getEvaluationHistory"),
          Map.entry("SelfReviewController#get", "getSubmittedSelfReview"),
          Map.entry("AdjustmentController#adjust", "adjustLevel"),
          Map.entry("AdjustmentController#list", "listLevelAdjustments"),
          Map.entry("ComplaintController#complain", "submitComplaint"),
          Map.entry("CollectiveController#get", "getCollectiveRating"),
          Map.entry("RosterController#get", "getMemberRoster"),
          Map.entry("RosterController#change", "changeMemberRoster"),
          Map.entry("RosterController#changes", "listRosterChanges"),
          Map.entry("MeetingController#agenda", "getMeetingAgenda"),
          Map.entry("MeetingController#record", "recordBranchMeeting"),
          Map.entry("UnmatchedEventController#list", "listUnmatchedEvents"),
          Map.entry("MeController#me", "getMe"),
          Map.entry("MovementController#list", "listMemberMovements"),
          Map.entry("MovementController#record", "recordMemberMovement"),
          Map.entry("AccountController#change", "changeOwnPassword"),
          Map.entry("AccountController#reset", "resetAccountPassword"),
          Map.entry("AccountController#throttled", "listSignInThrottles"),
          Map.entry("AccountController#release", "releaseAccountSignInThrottle"),
          Map.entry("AccountController#passwordResets", "listPasswordResets"),
          Map.entry("UnitController#tree", "listUnits"),
          Map.entry("UnitController#get", "getUnit"),
          Map.entry("UnitController#create", "createUnit"),
          Map.entry("UnitController#change", "changeUnit"),
          Map.entry("UnitController#dissolve", "dissolveUnit"),
          Map.entry("UnitController#merge", "mergeUnit"),
          Map.entry("UnitController#seat", "seatCommitteeMember"),
          Map.entry("UnitController#unseat", "unseatCommitteeMember"),
          Map.entry("RosterImportController#template", "getRosterTemplate"),
          Map.entry("RosterImportController#export", "exportRoster"),
          Map.entry("RosterImportController#upload", "uploadRosterFile"),
          Map.entry("RosterImportController#preview", "getRosterImportPreview"),
          Map.entry("RosterImportController#progress", "getRosterImportProgress"),
          Map.entry("RosterImportController#commit", "commitRosterImport"));

  /**
   * The 400 example where the general rule (the body's first field required, else the first parameter of a wrong
   * type) is not what the service answers: field, reason, message; an empty list where the operation has no 400
   * (a string path variable of any value is a 404, not a 400).
   */
  private static final Map<String, List<String>> BAD_REQUEST_EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "uploadRosterFile",
              List.of("file", "required", "Cần chọn tệp danh sách đảng viên (XLSX hoặc CSV).")),
          Map.entry("changeUnit", List.of("reason", "required", "Cần nêu lý do.")),
          Map.entry("dissolveUnit", List.of("reason", "required", "Cần nêu lý do.")),
          Map.entry("mergeUnit", List.of("into", "required", "Cần chọn đơn vị hợp nhất vào.")),
          Map.entry(
              "seatCommitteeMember", List.of("personId", "unknown-person", "Không có người này.")),
          Map.entry("unseatCommitteeMember", List.of("reason", "required", "Cần nêu lý do.")),
          Map.entry(
              "changeOwnPassword",
              List.of("newPassword", "password-too-short", "Mật khẩu mới cần ít nhất 10 ký tự.")),
          Map.entry("listMemberMovements", List.of()),
          Map.entry("resetAccountPassword", List.of()),
          Map.entry("releaseAccountSignInThrottle", List.of()),
          Map.entry("getUnit", List.of()),
          Map.entry("getRosterTemplate", List.of()),
          Map.entry("exportRoster", List.of()));

  /** POST operations that cannot conflict with a state (no 409). */
  private static final Set<String> NO_CONFLICT =
      Set.of("changeOwnPassword", "resetAccountPassword", "uploadRosterFile");

  /**
   * The success status where it is not 200 (springdoc cannot read it from a ResponseEntity): 201 for what is
   * created (with a Location), 204 for what answers nothing.
   */
  private static final Map<String, String> SUCCESS_STATUS =
      Map.ofEntries(
          Map.entry("openCampaign", "201"),
          Map.entry("submitComplaint", "201"),
          Map.entry("recordBranchMeeting", "201"),
          Map.entry("createUnit", "201"),
          Map.entry("uploadRosterFile", "201"),
          Map.entry("claimTask", "204"),
          Map.entry("completeTask", "204"),
          Map.entry("changeOwnPassword", "204"),
          Map.entry("releaseAccountSignInThrottle", "204"),
          Map.entry("unseatCommitteeMember", "204"));

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String CSV = "text/csv";

  /** Operations whose request body is a roster file (the file itself as the body, not multipart). */
  private static final Set<String> FILE_UPLOADS = Set.of("uploadRosterFile");

  /** Operations that answer a roster file (XLSX or CSV by the path's extension). */
  private static final Set<String> FILE_DOWNLOADS = Set.of("getRosterTemplate", "exportRoster");

  /** A roster file as a CSV example: the template's headings and one member. */
  private static final String CSV_EXAMPLE =
      """
      Họ và tên,Ngày sinh (dd/MM/yyyy),Giới tính (Nam/Nữ),Số thẻ đảng viên,Ngày vào Đảng (dd/MM/yyyy),\
      Ngày chính thức (dd/MM/yyyy),Chi bộ (mã hoặc tên),Chức vụ Đảng,"Chức vụ chính quyền, đoàn thể",\
      "Cán bộ, công chức, viên chức (Có/Không)",Miễn công tác và sinh hoạt đảng (Có/Không),\
      Đình chỉ sinh hoạt đảng (Có/Không),Thư điện tử,Điện thoại,Tài khoản (để trống: dv + số thẻ)
      Nguyễn Văn An,04/02/1971,Nam,48010001,19/05/2010,19/05/2011,thanh-khe-tay-cb1,Phó bí thư chi bộ,,Không,\
      Không,Không,member1@thanhkhetay.example.vn,0905123456,member1
      """;

  private final Map<String, Object> requestExamples;

  public OpenApiDocument(ObjectMapper objectMapper) {
    try (InputStream in =
        OpenApiDocument.class.getResourceAsStream("/openapi/request-examples.json")) {
      this.requestExamples =
          objectMapper.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Bean
  OpenAPI domainApiDocument(
      @Value("${evaluation.api-version:0.0.0}") String version,
      @Value("${evaluation.contracts.contact.name}") String contactName,
      @Value("${evaluation.contracts.contact.email}") String contactEmail) {
    return new OpenAPI()
        .info(
            new Info()
                .title(
                    "Kiểm điểm, đánh giá, xếp loại đảng viên — API nghiệp vụ / party evaluation domain API")
                .version(version)
                .description(
                    """
                API nghiệp vụ của hệ thống kiểm điểm, đánh giá, xếp loại chất lượng đảng viên và tổ chức đảng hằng \
                năm: mở đợt đánh giá, làm việc được giao, xem kết quả, lịch sử, khiếu nại, hồ sơ đảng viên. \
                The domain API of the annual review and quality classification of party members and organizations: \
                campaigns, tasks, results and their history, complaints, the member roster. Every call takes HTTP \
                Basic; every refusal is RFC 9457 problem details with errors[{field, reason, message}], messages in \
                Vietnamese unless Accept-Language asks for English. A JSON body takes the fields its schema \
                describes and no others: an unknown field is refused 400 unknown-field, naming it and the fields \
                taken, never ignored. The Kafka events: /asyncapi/asyncapi.yaml.""")
                // whom an integrator asks: the deployment's own team (evaluation.contracts.contact
                // in application.yml)
                .contact(new Contact().name(contactName).email(contactEmail))
                // the terms are the repository's LICENSE file; an SPDX LicenseRef names them
                // without a made-up URL
                .license(new License().name(LICENCE_NAME).identifier(LICENCE_IDENTIFIER)))
        // fixed, so that the document served is the document kept in docs/ (no host of the request
        // in it)
        .servers(
            List.of(
                new Server()
                    .url("/")
                    .description(
                        "evaluation-service, the host that serves this document (local run: http://localhost:8080)")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                            "Tài khoản của hệ thống (kho người dùng của engine) / the engine's user store"))
                .addSchemas("FieldProblem", fieldProblemSchema())
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /**
   * Every tag an operation uses declared once, in order, with its description (lint: operation-tag-defined,
   * tag-description); each problem example's instance is its operation's path, with sample values.
   */
  @Bean
  OpenApiCustomizer tagsAndInstances() {
    return openApi -> {
      TreeSet<String> names = new TreeSet<>();
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperations()
                      .forEach(
                          operation -> {
                            if (operation.getTags() != null) {
                              names.addAll(operation.getTags());
                            }
                            String instance = samplePath(path);
                            operation
                                .getResponses()
                                .values()
                                .forEach(
                                    response ->
                                        Optional.ofNullable(response.getContent())
                                            .map(content -> content.get(PROBLEM_JSON))
                                            .map(MediaType::getExamples)
                                            .ifPresent(
                                                examples ->
                                                    examples
                                                        .values()
                                                        .forEach(
                                                            example -> {
                                                              @SuppressWarnings("unchecked")
                                                              Map<String, Object> value =
                                                                  (Map<String, Object>)
                                                                      example.getValue();
                                                              value.put("instance", instance);
                                                            })));
                          }));
      openApi.setTags(names.stream().map(name -> new Tag().name(name).description(name)).toList());
    };
  }

  /**
   * The views that show a value that is not on file as null rather than leaving it out ({@code JsonInclude.ALWAYS}):
   * their object and text properties are typed "or null", so that a strict generated client reads them.
   */
  @Bean
  OpenApiCustomizer nullableWhereNullIsShown() {
    return openApi ->
        nullShowingViews()
            .forEach(
                view -> {
                  Schema<?> schema = openApi.getComponents().getSchemas().get(view.getSimpleName());
                  if (schema == null || schema.getProperties() == null) {
                    return;
                  }
                  for (RecordComponent component : view.getRecordComponents()) {
                    Schema<?> property = schema.getProperties().get(component.getName());
                    if (property != null
                        && !component.getType().isPrimitive()
                        && property.get$ref() == null) {
                      Set<String> types = new LinkedHashSet<>();
                      if (property.getType() != null) {
                        types.add(property.getType());
                      } else if (property.getTypes() != null) {
                        types.addAll(property.getTypes());
                      }
                      if (!types.isEmpty()) {
                        types.add("null");
                        property.setTypes(types);
                        property.setType(null);
                      }
                    }
                  }
                });
  }

  /** The records of the application annotated {@code @JsonInclude(ALWAYS)}, found where they are declared. */
  private static List<Class<?>> nullShowingViews() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(JsonInclude.class));
    return scanner.findCandidateComponents("vn.party.evaluation").stream()
        .map(
            candidate ->
                ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), OpenApiDocument.class.getClassLoader()))
        .filter(Class::isRecord)
        .filter(type -> type.getAnnotation(JsonInclude.class).value() == JsonInclude.Include.ALWAYS)
        .<Class<?>>map(type -> type)
        .toList();
  }

  /** The path with sample values for its variables, as an instance in a problem example. */
  static String samplePath(String path) {
    return path.replace("{year}", "2026")
        .replace("{memberId}", "member1")
        .replace("{branchId}", "thanh-khe-tay-cb1")
        .replace("{collectiveId}", "thanh-khe-tay-cb1")
        .replace("{id}", "0f8e2b8a-5d7e-4a3c-9c1e-2b7f4d9a6e11")
        .replace("{taskId}", "5c0d6f55-8f3e-11f0-9d41-0242ac120002")
        .replaceAll("\\{[^}]*}", "x");
  }

  @Bean
  OperationCustomizer contractOfEachOperation() {
    return (operation, handler) -> {
      String key = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
      String operationId = OPERATION_IDS.get(key);
      if (operationId == null) {
        // loud on purpose: an endpoint must not be served undocumented; the message says what to do
        throw new IllegalStateException(
            "no operationId for "
                + key
                + " ("
                + mappingOf(handler)
                + "): add "
                + "Map.entry(\""
                + key
                + "\", \"<verbNoun>\") to OpenApiDocument.OPERATION_IDS (and, if it takes "
                + "a JSON body, an example under that id to openapi/request-examples.json), then rewrite "
                + "docs/openapi.json with ContractsServedTest -Dopenapi.write=true");
      }
      operation.setOperationId(operationId);
      if (FILE_UPLOADS.contains(operationId)) {
        describeFileUpload(operation);
      } else if (operation.getRequestBody() != null) {
        if (!requestExamples.containsKey(operationId)) {
          throw new IllegalStateException(
              "no request example for "
                  + operationId
                  + " ("
                  + key
                  + "): add one to "
                  + "openapi/request-examples.json");
        }
        operation
            .getRequestBody()
            .getContent()
            .values()
            .forEach(
                media -> {
                  if (media.getExample() == null && media.getExamples() == null) {
                    media.setExample(requestExamples.get(operationId));
                  }
                });
      }
      successStatus(operation, operationId);
      if (FILE_DOWNLOADS.contains(operationId)) {
        describeFileDownload(operation);
      }
      addErrors(operation, handler, operationId);
      return operation;
    };
  }

  private static void successStatus(Operation operation, String operationId) {
    String status = SUCCESS_STATUS.get(operationId);
    ApiResponse ok = status == null ? null : operation.getResponses().remove("200");
    if (ok != null && "204".equals(status)) {
      operation.getResponses().addApiResponse(status, ok.description("No Content").content(null));
    } else if (ok != null) {
      operation.getResponses().addApiResponse(status, ok.description("Created"));
    }
  }

  /** "PUT /api/v1/units/{id}/committee", for the message of a missing operation id. */
  private static String mappingOf(HandlerMethod handler) {
    RequestMapping onType =
        AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
    RequestMapping onMethod =
        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
    String base = onType == null || onType.path().length == 0 ? "" : onType.path()[0];
    String path = onMethod == null || onMethod.path().length == 0 ? "" : onMethod.path()[0];
    String method =
        onMethod == null || onMethod.method().length == 0 ? "ANY" : onMethod.method()[0].name();
    return method + " " + base + path;
  }

  /** The body is the file itself (XLSX or CSV), named by the fileName parameter: binary, not JSON, not multipart. */
  private static void describeFileUpload(Operation operation) {
    operation
        .getRequestBody()
        .required(true)
        .description(
            "Tệp danh sách đảng viên theo mẫu, chính là nội dung yêu cầu (không phải multipart), tối đa "
                + "40 MB; tên tệp ở tham số fileName / the roster file itself as the body (not multipart), up to 40 MB: "
                + "XLSX, or CSV in UTF-8 (with or without BOM) or UTF-16 with BOM, separated by ',' or ';'")
        .content(
            new Content()
                .addMediaType(
                    XLSX,
                    new MediaType()
                        .schema(binary("Bảng tính XLSX theo mẫu / the XLSX template filled in"))
                        .addExamples(
                            "template",
                            new Example()
                                .summary("Mẫu danh sách / the template, to fill in")
                                .externalValue("/api/v1/roster-imports/template.xlsx")))
                .addMediaType(
                    CSV,
                    new MediaType()
                        .schema(binary("CSV theo mẫu / the CSV template filled in"))
                        .example(CSV_EXAMPLE)));
  }

  /** The answer is a file: XLSX or CSV by the path's extension, as an attachment. */
  private static void describeFileDownload(Operation operation) {
    operation.getParameters().stream()
        .filter(p -> "format".equals(p.getName()))
        .forEach(
            p ->
                p.description("xlsx | csv (another extension: 404)")
                    .schema(new StringSchema()._enum(List.of("xlsx", "csv"))));
    ApiResponse ok = operation.getResponses().get("200");
    ok.description(
            "Tệp theo mẫu, tải về (Content-Disposition: attachment) / the file, as an attachment")
        .content(
            new Content()
                .addMediaType(XLSX, new MediaType().schema(binary("format xlsx")))
                .addMediaType(
                    CSV,
                    new MediaType()
                        .schema(binary("format csv, UTF-8 with BOM"))
                        .example(CSV_EXAMPLE)))
        .addHeaderObject(
            "Content-Disposition",
            new Header()
                .schema(new StringSchema())
                .description("attachment; filename=\"mau-danh-sach-dang-vien.xlsx\""));
  }

  private static Schema<?> binary(String description) {
    return new StringSchema().format("binary").description(description);
  }

  /** The 400 answer, its example naming the one field wrong, the reason and the message. */
  private static ApiResponse badRequest(
      String operationId, String field, String reason, String message) {
    return problem(
        operationId,
        400,
        "Bad Request",
        "Dữ liệu không hợp lệ: xem errors.",
        List.of(Map.of("field", field, "reason", reason, "message", message)));
  }

  private void addErrors(Operation operation, HandlerMethod handler, String operationId) {
    ApiResponses responses = operation.getResponses();
    List<String> badRequest = BAD_REQUEST_EXAMPLES.get(operationId);
    String field = badRequest == null ? firstField(operation, operationId) : null;
    if (badRequest != null) {
      if (!badRequest.isEmpty()) {
        responses.addApiResponse(
            "400",
            badRequest(operationId, badRequest.get(0), badRequest.get(1), badRequest.get(2)));
      }
    } else if (field != null) {
      boolean body = operation.getRequestBody() != null;
      // in words, as the API answers: the field by its label (it was its key)
      responses.addApiResponse(
          "400",
          badRequest(
              operationId,
              field,
              body ? "required" : "wrong-type",
              body
                  ? OpenApiExampleWords.required(field)
                  : OpenApiExampleWords.wrongType(field, operation.getParameters().get(0))));
    }
    responses.addApiResponse(
        "401",
        problem(operationId, 401, "Unauthorized", "Cần đăng nhập (HTTP Basic).", List.of())
            .addHeaderObject(
                "WWW-Authenticate",
                new Header()
                    .description("Basic realm=\"party-evaluation\"")
                    .schema(new StringSchema())));
    responses.addApiResponse(
        "403",
        problem(
            operationId,
            403,
            "Forbidden",
            "Bạn không có quyền thực hiện thao tác này.",
            List.of()));
    if (hasPathParameters(operation)) {
      responses.addApiResponse(
          "404", problem(operationId, 404, "Not Found", "Không tìm thấy.", List.of()));
    }
    if ((handler.hasMethodAnnotation(PostMapping.class)
            || handler.hasMethodAnnotation(PatchMapping.class))
        && !NO_CONFLICT.contains(operationId)) {
      responses.addApiResponse(
          "409",
          problem(
              operationId,
              409,
              "Conflict",
              "Thao tác xung đột với trạng thái hiện tại (đã có, đã nhận, hay vừa được thay đổi).",
              List.of()));
    }
    if (FILE_UPLOADS.contains(operationId)) {
      responses.addApiResponse(
          "413",
          problem(
              operationId,
              413,
              "Payload Too Large",
              "Tệp quá lớn (tối đa 41943040 byte).",
              List.of()));
    } else if (operation.getRequestBody() != null) {
      responses.addApiResponse(
          "415",
          problem(
              operationId,
              415,
              "Unsupported Media Type",
              "Chỉ nhận nội dung "
                  + String.join(" hoặc ", operation.getRequestBody().getContent().keySet())
                  + ".",
              List.of()));
    }
    responses.addApiResponse(
        "406",
        problem(
            operationId,
            406,
            "Not Acceptable",
            "Không trả lời được theo kiểu nội dung đã yêu cầu (Accept: text/csv): địa chỉ này chỉ"
                + " trả lời application/json, application/yaml; các lời từ chối được gửi dạng"
                + " application/problem+json.",
            List.of()));
    // every call signs in: too many wrong passwords for the account or from the address slow the
    // caller down
    ApiResponse throttled =
        problem(
                operationId,
                429,
                "Too Many Requests",
                "Đăng nhập sai quá nhiều lần với tài khoản này: mọi lần đăng nhập vào tài khoản này phải"
                    + " chờ. Vui lòng thử lại sau 60 giây.",
                List.of())
            .addHeaderObject(
                "Retry-After",
                new Header()
                    .description("Giây phải chờ / seconds to wait")
                    .schema(new IntegerSchema()));
    throttled
        .getContent()
        .get(PROBLEM_JSON)
        .getExamples()
        .values()
        .forEach(example -> exampleMap(example).put("retryAfterSeconds", 60));
    responses.addApiResponse("429", throttled);
    responses.addApiResponse(
        "503",
        problem(
            operationId,
            503,
            "Service Unavailable",
            "Hệ thống tạm thời không khả dụng, vui lòng thử lại sau.",
            List.of()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> exampleMap(Example example) {
    return (Map<String, Object>) example.getValue();
  }

  /** The field a 400 example names: the request body's first field, else the first parameter. */
  private String firstField(Operation operation, String operationId) {
    if (operation.getRequestBody() != null) {
      return Optional.ofNullable(requestExamples.get(operationId))
          .filter(Map.class::isInstance)
          .map(example -> ((Map<?, ?>) example).keySet().iterator().next().toString())
          .orElse("body");
    }
    List<Parameter> parameters = operation.getParameters();
    return parameters == null || parameters.isEmpty() ? null : parameters.get(0).getName();
  }

  private static boolean hasPathParameters(Operation operation) {
    return operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
  }

  private static ApiResponse problem(
      String operationId,
      int status,
      String title,
      String detail,
      List<Map<String, String>> errors) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "about:blank");
    example.put("title", title);
    example.put("status", status);
    example.put("detail", detail);
    example.put("instance", "/api/v1"); // the operation's path, set by tagsAndInstances
    if (!errors.isEmpty()) {
      example.put("errors", errors);
    }
    return new ApiResponse()
        .description(title + " — RFC 9457 problem details")
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(
                            operationId + status, new Example().summary(title).value(example))));
  }

  private static Schema<?> fieldProblemSchema() {
    return new ObjectSchema()
        .description("Một lỗi của một trường / one thing wrong with a request")
        .addProperty(
            "field",
            new StringSchema().description("Trường bị từ chối / the refused field").example("year"))
        .addProperty(
            "reason",
            new StringSchema()
                .description(
                    "Mã lý do ổn định / a stable reason code: required, wrong-type, invalid-format, "
                        + "out-of-range, too-long, unknown-field, …")
                .example("required"))
        .addProperty(
            "message",
            new StringSchema()
                .description(
                    "Thông báo theo ngôn ngữ của người dùng / the message in the caller's language"))
        .required(List.of("field", "reason"));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details (Spring's ProblemDetail), with the refused fields")
        .addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().format("int32").example(400))
        .addProperty("detail", new StringSchema().description("In the caller's language"))
        .addProperty("instance", new StringSchema().format("uri-reference"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                .description(
                    "Each refused field with its reason; absent when no single field is at fault"))
        .addProperty(
            "retryAfterSeconds",
            new IntegerSchema()
                .format("int64")
                .description(
                    "429 only: seconds to wait before signing in again (also the Retry-After header)"))
        .required(List.of("title", "status"));
  }
}
