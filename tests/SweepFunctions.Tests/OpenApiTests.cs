using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SweepDomain.Requests;
using SweepFunctions.Tests.Support;
using Xunit.Abstractions;

namespace SweepFunctions.Tests;

/// <summary>
/// The OpenAPI document (<c>docs/openapi.yaml</c>, embedded in the app and served at <c>GET /api/openapi.yaml</c>)
/// against the app itself: every route and method of the function index is documented and every documented one is
/// served; every answer the real HTTP functions give here, on a durable engine of their own with blobs in Azurite, is
/// validated against the JSON Schema the document gives for its route, status and media type; and the request body's
/// schema has exactly the fields the request reader knows.
/// </summary>
public sealed class OpenApiTests(OpenApiTests.Exchanges exchanges, ITestOutputHelper output) : IClassFixture<OpenApiTests.Exchanges>
{
    /// <summary>Documented answers that no exchange below produces, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotProducedHere = new()
    {
        ["* 401"] = "the Functions host answers 401 before the app runs; the in-process front has no keys",
        ["POST /sweeps 411"] = "the in-process front hands every body on whole; RequestLimitTests sends the empty chunked body the host hands on",
        ["POST /sweeps 503"] = "needs a task hub that refuses to schedule; StartAtomicityTests gives the function one",
    };

    private static OpenApiContract Contract => OpenApiContract.Served;

    [Fact]
    public async Task Document_IsAValidOpenApi31Document()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Contract.Text));

        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "yaml", settings);

        Assert.NotNull(document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic!.SpecificationVersion);
        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal("3.1.0", Contract.Document["openapi"]!.GetValue<string>());
    }

    [Fact]
    public async Task Document_ServedByTheApp_IsTheRepositoryFileByteForByte()
    {
        await exchanges.RecordAsync();
        var served = exchanges.All.Single(e => e.Path == "/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal("application/yaml; charset=utf-8", served.ContentType);
        Assert.Equal(File.ReadAllText(Path.Combine(FunctionIndex.RepositoryRoot(), "docs", "openapi.yaml")), served.Body);
    }

    [Fact]
    public void Routes_EveryHttpFunctionIsDocumented_AndEveryDocumentedRouteIsServed()
    {
        var functions = FunctionIndex.HttpFunctions
            .SelectMany(f => f.Methods.Select(m => (Key: $"{m.ToUpperInvariant()} {Normalise("/" + f.Route)}", f.Name, f.AuthLevel)))
            .ToList();
        var documented = Contract.Operations.ToDictionary(o => $"{o.Method.ToUpperInvariant()} {Normalise(o.Path)}");

        var undocumented = functions.Where(f => !documented.ContainsKey(f.Key)).Select(f => $"{f.Name} ({f.Key})").ToList();
        var unserved = documented.Keys.Where(k => functions.All(f => f.Key != k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(undocumented.Count == 0, "HTTP functions whose route is not in docs/openapi.yaml: " + string.Join("; ", undocumented));
        Assert.True(unserved.Count == 0, "Documented routes that no function serves: " + string.Join("; ", unserved));
        foreach (var (key, name, authLevel) in functions)
        {
            bool anonymous = documented[key].Security is { Count: 0 };
            Assert.True(anonymous == (authLevel == "Anonymous"), $"{name} ({key}) has auth level {authLevel}, but the document says {(anonymous ? "no key" : "a function key")}.");
        }
    }

    [Fact]
    public async Task RealAnswers_MatchTheSchemaOfTheirRouteStatusAndMediaType()
    {
        await exchanges.RecordAsync();

        var faults = exchanges.All.SelectMany(e => Contract.Check(e.Method, e.Path, e.Status, e.ContentType, e.Body)).ToList();

        foreach (var e in exchanges.All)
        {
            output.WriteLine($"{e.Method} {e.Path} -> {(int)e.Status} {e.ContentType} ({e.Body.Length} chars)");
        }

        Assert.True(faults.Count == 0, string.Join(Environment.NewLine, faults));
        Assert.Contains(exchanges.All, e => e.Status == HttpStatusCode.BadRequest);
        Assert.Contains(exchanges.All, e => e.Status == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RealAnswers_CoverEveryDocumentedStatus_SaveThoseListedWithTheirReason()
    {
        await exchanges.RecordAsync();
        var produced = exchanges.All
            .Select(e => $"{Contract.Find(e.Method, e.Path)} {(int)e.Status}")
            .ToHashSet();

        var missing = Contract.Operations
            .SelectMany(o => o.Statuses.Select(s => (Operation: o.ToString(), Status: s)))
            .Where(x => !produced.Contains($"{x.Operation} {x.Status}"))
            .Where(x => !NotProducedHere.ContainsKey($"{x.Operation} {x.Status}") && !NotProducedHere.ContainsKey($"* {x.Status}") && !NotProducedHere.ContainsKey($"{x.Operation} *"))
            .Select(x => $"{x.Operation} {x.Status}")
            .ToList();

        Assert.True(missing.Count == 0, "Documented answers that no exchange produces (add one, or list it in NotProducedHere with the reason): " + string.Join("; ", missing));
    }

    [Fact]
    public async Task RealAnswers_OfTheFullSweep_CarryTheEvidenceTheSchemasDescribe()
    {
        await exchanges.RecordAsync();
        var status = JsonNode.Parse(exchanges.Single("GET", "/sweeps/contract-full").Body)!;
        var stage = status["stages"]![1]!;

        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("significant", stage["decision"]!["policy"]!.GetValue<string>());
        Assert.Equal(5, stage["racing"]!["blockSize"]!.GetValue<int>());
        Assert.Equal(["quadratic", "other"], stage["crossScenario"]!.AsArray().Select(c => c!["scenario"]!.GetValue<string>()));
        Assert.NotNull(stage["verdict"]);
        var failed = JsonNode.Parse(exchanges.Single("GET", "/sweeps/contract-failed").Body)!;
        Assert.Equal("System.IO.IOException", Innermost(failed["failure"]!)["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validator_RejectsARenamedAndAnExtraFieldInARealAnswer()
    {
        await exchanges.RecordAsync();
        var real = exchanges.Single("GET", "/sweeps/contract-full");
        var renamed = JsonNode.Parse(real.Body)!.AsObject();
        renamed["status"] = renamed["runtimeStatus"]!.DeepClone();
        renamed.Remove("runtimeStatus");
        var extra = JsonNode.Parse(real.Body)!.AsObject();
        extra["stages"]![0]!.AsObject()["winner"] = "x";

        var renamedFaults = Contract.Check("GET", "/sweeps/contract-full", HttpStatusCode.OK, "application/json", renamed.ToJsonString());
        var extraFaults = Contract.Check("GET", "/sweeps/contract-full", HttpStatusCode.OK, "application/json", extra.ToJsonString());

        Assert.Empty(Contract.Check("GET", "/sweeps/contract-full", HttpStatusCode.OK, real.ContentType, real.Body));
        Assert.Contains(renamedFaults, f => f.Contains("runtimeStatus", StringComparison.Ordinal));
        Assert.Contains(renamedFaults, f => f.Contains("status", StringComparison.Ordinal) && f.Contains("additionalProperties", StringComparison.Ordinal));
        Assert.Contains(extraFaults, f => f.Contains("/stages/0/winner", StringComparison.Ordinal));
    }

    [Fact]
    public void RequestSchema_HasExactlyTheFieldsOfTheRequestReader()
    {
        var fields = typeof(SweepRequestJson.Fields).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        string[] stageFields =
        [
            fields[nameof(SweepRequestJson.Fields.StageLabel)], fields[nameof(SweepRequestJson.Fields.StageGrid)], fields[nameof(SweepRequestJson.Fields.StageRanges)],
            fields[nameof(SweepRequestJson.Fields.StageSobol)], fields[nameof(SweepRequestJson.Fields.StageAdaptive)],
        ];
        string[] rangeFields = [fields[nameof(SweepRequestJson.Fields.RangeMin)], fields[nameof(SweepRequestJson.Fields.RangeMax)], fields[nameof(SweepRequestJson.Fields.RangeScale)]];
        var bodyFields = fields.Values.Except(stageFields).Except(rangeFields).Order(StringComparer.Ordinal);

        var request = Contract.Component("SweepRequest");
        var structuredStage = Contract.Component("StageInput")["oneOf"]!.AsArray().Single(s => s!["type"]!.GetValue<string>() == "object")!;

        Assert.Equal(bodyFields, request["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(request["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(stageFields.Order(StringComparer.Ordinal), structuredStage["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(rangeFields.Order(StringComparer.Ordinal), structuredStage["properties"]!["ranges"]!["additionalProperties"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RequestSchema_AcceptsTheBodiesTheTestsAndTheReadmeSend_AndRejectsAnUnknownField()
    {
        var schema = (JsonObject)Contract.Operations.Single(o => o.ToString() == "POST /sweeps").Body["requestBody"]!["content"]!["application/json"]!["schema"]!;
        string readme = File.ReadAllText(Path.Combine(FunctionIndex.RepositoryRoot(), "README.md"));
        string readmeBody = readme[(readme.IndexOf("-d '{", StringComparison.Ordinal) + 4)..];
        readmeBody = readmeBody[..(readmeBody.IndexOf("}'", StringComparison.Ordinal) + 1)];

        foreach (string body in new[] { Requests.TwoStages().ToJsonString(), Requests.Long().ToJsonString(), Exchanges.FullRequest, readmeBody })
        {
            Assert.Empty(Contract.Validate("request", schema, body));
        }

        Assert.Contains(Contract.Validate("request", schema, """{"scenari": "quadratic", "stages": ["A:x=0.1"]}"""), f => f.Contains("scenari", StringComparison.Ordinal));
        Assert.NotEmpty(Contract.Validate("request", schema, """{"stages": [{"label": "B", "grid": {"n": [true]}}]}"""));
    }

    [Fact]
    public void ComponentSchemas_EveryObjectSaysWhetherItTakesOtherFields()
    {
        var open = new List<string>();
        void Walk(string where, JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if ((o["type"] as JsonValue)?.GetValue<string>() == "object" && !o.ContainsKey("additionalProperties"))
                {
                    open.Add(where);
                }

                foreach (var (name, value) in o)
                {
                    Walk($"{where}/{name}", value);
                }
            }
            else if (node is JsonArray a)
            {
                for (int i = 0; i < a.Count; i++)
                {
                    Walk($"{where}/{i}", a[i]);
                }
            }
        }

        Walk("#/components/schemas", Contract.ComponentSchemas);

        Assert.Empty(open);
    }

    private static JsonNode Innermost(JsonNode failure) => failure["cause"] is { } cause ? Innermost(cause) : failure;

    /// <summary>A path template with its parameters' names and constraints left out: <c>/sweeps/{}/stages/{}</c>.</summary>
    private static string Normalise(string key) => System.Text.RegularExpressions.Regex.Replace(key, "{[^}]*}", "{}");

    /// <summary>One request to the app and its answer; <see cref="Path"/> is the path after <c>/api</c>.</summary>
    public sealed record Exchange(string Method, string Path, HttpStatusCode Status, string? ContentType, string Body);

    /// <summary>
    /// A fresh app and durable engine, with blobs in Azurite, driven once through every route: a full sweep (two stages,
    /// a structured stage, an inline base, racing, the significant policy and a cross-scenario check), a long one that
    /// is cancelled, a failed one, and every error answer the app itself gives; plus an app whose storage is on a
    /// closed port, for the 503 of the health route.
    /// </summary>
    public sealed class Exchanges : IAsyncLifetime
    {
        public const string FullRequest = """
            {"scenario": "quadratic", "stages": ["A:x=0.1,0.3,0.5", {"label": "B", "grid": {"n": [2, 4, 6]}}], "base": {"mode": "plain"},
             "crossScenario": "other", "periods": 4, "stabilityTiers": "3:10,2:20", "rankBy": "combined", "kFactor": 1.0, "crossSeeds": 5,
             "instanceId": "contract-full", "carryForward": "significant", "alpha": 0.05, "racing": true, "raceBlock": 5}
            """;

        private readonly AzuriteAppFixture _app = new();
        private readonly List<Exchange> _all = [];
        private Task? _recorded;

        public IReadOnlyList<Exchange> All => _all;

        public Task InitializeAsync() => _app.InitializeAsync();

        public Task DisposeAsync() => _app.DisposeAsync();

        public Exchange Single(string method, string path) => _all.Single(e => e.Method == method && e.Path == path);

        public async Task RecordAsync()
        {
            await _app.RequireStorageAsync();
            await (_recorded ??= RunAsync());
        }

        private async Task RunAsync()
        {
            var app = _app.App;
            using var client = Client(app);

            Assert.Equal(HttpStatusCode.Accepted, await SendAsync(client, HttpMethod.Post, "sweeps", FullRequest));
            Assert.Equal(HttpStatusCode.Accepted, await SendAsync(client, HttpMethod.Post, "sweeps", Requests.Long("contract-long").ToJsonString()));
            await SendAsync(client, HttpMethod.Get, "sweeps/contract-long");
            Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, "sweeps/contract-long/report"));
            Assert.Equal(HttpStatusCode.Conflict, await SendAsync(client, HttpMethod.Post, "sweeps", Requests.OneStage("contract-long").ToJsonString()));
            Assert.Equal(HttpStatusCode.Accepted, await SendAsync(client, HttpMethod.Post, "sweeps/contract-long/cancel"));
            await app.WaitForSweepAsync("contract-long");
            Assert.Equal(HttpStatusCode.Conflict, await SendAsync(client, HttpMethod.Post, "sweeps/contract-long/cancel"));
            Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Post, "sweeps/no-such-sweep/cancel"));

            await app.WaitForSweepAsync("contract-full");
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "sweeps/contract-full"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "sweeps/contract-full/report"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "sweeps/contract-full/dashboard"));
            Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, "sweeps/no-such-sweep/dashboard"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "sweeps/contract-full/stages/1"));
            Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, "sweeps/contract-full/stages/9"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "dashboard?status=Completed"));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(client, HttpMethod.Get, "dashboard?status=Bogus"));
            Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, "sweeps/no-such-sweep"));
            Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, "sweeps/no-such-sweep/report"));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(client, HttpMethod.Post, "sweeps", """{"scenario": "quadratic", "stages": ["A x=0.1", "B:xx=1"], "periods": 0}"""));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(client, HttpMethod.Post, "sweeps", """{"scenario": """));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await SendAsync(client, HttpMethod.Post, "sweeps", $$"""{"scenario": "quadratic", "stages": ["{{new string('L', 2_000_000)}}:x=0.1"]}"""));
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, await SendAsync(client, HttpMethod.Post, "sweeps", """{"scenario": "quadratic", "stages": ["A:x=0.1"]}""", "text/plain"));

            app.Evaluator.FailNext(int.MaxValue);
            try
            {
                Assert.Equal(HttpStatusCode.Accepted, await SendAsync(client, HttpMethod.Post, "sweeps", Requests.OneStage("contract-failed").ToJsonString()));
                await app.WaitForSweepAsync("contract-failed");   // three attempts, 2 s and 4 s apart
            }
            finally
            {
                app.Evaluator.FailNext(0);
            }

            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "sweeps/contract-failed"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "sweeps?pageSize=2"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "sweeps?status=Completed,failed"));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(client, HttpMethod.Get, "sweeps?status=Bogus&pageSize=0"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "health"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "openapi.yaml"));

            await using var down = await SweepAppHost.StartAsync(null, new Dictionary<string, string?>
            {
                ["SweepResults:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;",
            });
            using var downClient = Client(down);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendAsync(downClient, HttpMethod.Get, "health"));
        }

        private static HttpClient Client(SweepAppHost app)
        {
            var client = new HttpClient(new FunctionsHttpHandler(app)) { BaseAddress = new Uri("http://localhost:7071/api/") };
            client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
            return client;
        }

        private async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string relative, string? body = null, string contentType = "application/json")
        {
            using var request = new HttpRequestMessage(method, relative);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, contentType);
            }

            using var response = await client.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            string path = "/" + relative.Split('?')[0];
            lock (_all)
            {
                _all.Add(new Exchange(method.Method, path, response.StatusCode, response.Content.Headers.ContentType?.ToString(), text));
            }

            return response.StatusCode;
        }

        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
