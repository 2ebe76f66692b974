// A minimal Java 17 client of the yibao-rules service, written against its
// OpenAPI document (GET /openapi.json): java.net.http only, no dependency.
// Run: javac YibaoClient.java && java YibaoClient http://127.0.0.1:8080 [token]
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class YibaoClient {
  /** components.schemas.QuoteInput */
  public record QuoteInput(String county, int coverageYear, List<String> categories, String paidOn, String birthDate) {
    String toJson() {
      StringBuilder b = new StringBuilder("{\"county\":").append(Json.quote(county)).append(",\"coverageYear\":").append(coverageYear);
      if (categories != null) {
        b.append(",\"categories\":[");
        for (int i = 0; i < categories.size(); i++) b.append(i == 0 ? "" : ",").append(Json.quote(categories.get(i)));
        b.append(']');
      }
      if (paidOn != null) b.append(",\"paidOn\":").append(Json.quote(paidOn));
      if (birthDate != null) b.append(",\"birthDate\":").append(Json.quote(birthDate));
      return b.append('}').toString();
    }
  }

  /** components.schemas.Quote (the fields a payment system needs; the rest stay in {@code raw}). */
  public record Quote(String policyId, String status, String standard, String individual, String subsidy, String dueAtPayment,
      String reimbursedLater, String mechanism, List<Object> funders, String appliedCategory, Map<String, Object> raw) {
    @SuppressWarnings("unchecked")
    static Quote of(Map<String, Object> m) {
      return new Quote((String) m.get("policyId"), (String) m.get("status"), (String) m.get("standard"), (String) m.get("individual"),
          (String) m.get("subsidy"), (String) m.get("dueAtPayment"), (String) m.get("reimbursedLater"), (String) m.get("mechanism"),
          (List<Object>) m.get("funders"), (String) m.get("appliedCategory"), m);
    }
  }

  /** components.schemas.ErrorDetail, thrown for 4xx/5xx answers. */
  public static final class ApiException extends RuntimeException {
    public final int status;
    public final String code, zh, en;
    ApiException(int status, Map<String, Object> e) {
      super(status + " " + e.get("code") + ": " + e.get("en"));
      this.status = status;
      this.code = (String) e.get("code");
      this.zh = (String) e.get("zh");
      this.en = (String) e.get("en");
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  public YibaoClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  private Object post(String path, String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) r.header("authorization", "Bearer " + token);
    HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    Object json = Json.parse(res.body());
    if (res.statusCode() >= 400) throw new ApiException(res.statusCode(), Json.obj(Json.obj(json).get("error")));
    return json;
  }

  /** POST /v1/quote (operationId quote). */
  public Quote quote(QuoteInput in) throws Exception {
    return Quote.of(Json.obj(post("/v1/quote", in.toJson())));
  }

  /** POST /v1/quotes (operationId quoteBatch): a Quote, or the ApiException of that item. */
  public List<Object> quoteBatch(List<QuoteInput> ins) throws Exception {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < ins.size(); i++) b.append(i == 0 ? "" : ",").append(ins.get(i).toJson());
    List<Object> out = new ArrayList<>();
    for (Object item : (List<?>) post("/v1/quotes", b.append(']').toString())) {
      Map<String, Object> m = Json.obj(item);
      out.add(Boolean.TRUE.equals(m.get("ok")) ? Quote.of(Json.obj(m.get("quote"))) : new ApiException(200, Json.obj(m.get("error"))));
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    YibaoClient c = new YibaoClient(args[0], args.length > 1 ? args[1] : null);
    Quote q = c.quote(new QuoteInput("岢岚县", 2022, List.of("低保对象"), "2021-12-01", null));
    System.out.println("quote " + q.policyId() + " individual=" + q.individual() + " subsidy=" + q.subsidy() + " mechanism=" + q.mechanism() + " funders=" + q.funders());
    for (Object r : c.quoteBatch(List.of(new QuoteInput("沁水", 2025, List.of("稳定脱贫人口", "返贫致贫人口"), null, null), new QuoteInput("太原", 2022, null, null, null)))) {
      if (r instanceof Quote x) System.out.println("batch ok " + x.policyId() + " subsidy=" + x.subsidy() + " applied=" + x.appliedCategory());
      else System.out.println("batch error " + ((ApiException) r).code);
    }
    try {
      c.quote(new QuoteInput("岢岚", 2030, null, null, null));
    } catch (ApiException e) {
      System.out.println("error " + e.status + " " + e.code + " " + e.zh);
    }
  }
}

/** Just enough JSON: objects, arrays, strings, numbers, true, false, null. */
final class Json {
  private final String s;
  private int i;
  private Json(String s) { this.s = s; }

  static Object parse(String s) {
    Json p = new Json(s);
    Object v = p.value();
    p.ws();
    if (p.i != s.length()) throw new IllegalArgumentException("trailing text at " + p.i);
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o) { return (Map<String, Object>) o; }

  static String quote(String v) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : v.toCharArray()) {
      if (ch == '"' || ch == '\\') b.append('\\').append(ch);
      else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.append('"').toString();
  }

  private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

  private Object value() {
    ws();
    char ch = s.charAt(i);
    if (ch == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      i++; ws();
      if (s.charAt(i) == '}') { i++; return m; }
      for (;;) {
        ws(); String k = string(); ws(); i++; // ':'
        m.put(k, value()); ws();
        if (s.charAt(i++) == '}') return m;
      }
    }
    if (ch == '[') {
      List<Object> l = new ArrayList<>();
      i++; ws();
      if (s.charAt(i) == ']') { i++; return l; }
      for (;;) {
        l.add(value()); ws();
        if (s.charAt(i++) == ']') return l;
      }
    }
    if (ch == '"') return string();
    if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
    if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
    if (s.startsWith("null", i)) { i += 4; return null; }
    int st = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
    return Double.parseDouble(s.substring(st, i)); // only integers (years) are numbers in this API; money is a string
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    i++; // opening quote
    for (;;) {
      char ch = s.charAt(i++);
      if (ch == '"') return b.toString();
      if (ch != '\\') { b.append(ch); continue; }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
        default -> b.append(e);
      }
    }
  }
}
