using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Stages;
using SweepTestKit;

namespace SweepDomain.Tests;

public class StageParserTests
{
    private static readonly ScenarioSchema Schema = TestScenarios.Schema(TestScenarios.Quadratic);

    [Fact]
    public void Parse_FloatsIntsAndText_KeepTheirTypesAndOrder()
    {
        var errors = new ValidationErrors();

        var stage = StageParser.Parse("behavioral:x=0.5,1.0,.25 n=2,4 mode=plain,fancy", Schema, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal("behavioral", stage!.Label);
        Assert.Equal(["x", "n", "mode"], stage.ParameterNames);
        Assert.Equal([ParamValue.Float(0.5), ParamValue.Float(1.0), ParamValue.Float(0.25)], stage.Grid[0].Values);
        Assert.Equal([ParamValue.Int(2), ParamValue.Int(4)], stage.Grid[1].Values);
        Assert.Equal([ParamValue.Text("plain"), ParamValue.Text("fancy")], stage.Grid[2].Values);
        Assert.Equal(12, stage.CombinationCount);
    }

    [Fact]
    public void Parse_IntForFloatParameter_IsAccepted()
    {
        var errors = new ValidationErrors();

        var stage = StageParser.Parse("A:x=0,1", Schema, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal([ParamValue.Int(0), ParamValue.Int(1)], stage!.Grid[0].Values);
    }

    [Fact]
    public void Parse_TabsAndRunsOfSpaces_SplitTokens()
    {
        var errors = new ValidationErrors();

        var stage = StageParser.Parse("  A :  x=0.1\t\tn=3  ", Schema, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal("A", stage!.Label);
        Assert.Equal(2, stage.Grid.Count);
    }

    [Theory]
    [InlineData("A x=0.1", "Missing ':' after the label in 'A x=0.1'")]
    [InlineData("   ", "A stage is empty")]
    [InlineData("A:x", "'x' has no '=' in 'A:x'")]
    [InlineData("A:x=0.1, 0.2", "Space after a comma before '0.2' in 'A:x=0.1, 0.2'")]
    [InlineData("A:x=", "Parameter 'x' has an empty value in 'A:x='")]
    [InlineData("A:x=0.1,,0.2", "Parameter 'x' has an empty value in 'A:x=0.1,,0.2'")]
    [InlineData("A:", "Stage 'A:' has no parameters")]
    [InlineData(":x=0.1", "The label is empty in ':x=0.1'")]
    [InlineData("A:x=0.1 x=0.2", "Parameter 'x' appears twice in 'A:x=0.1 x=0.2'")]
    [InlineData("A:x=0.1,0.1", "lists the value 0.1 more than once in 'A:x=0.1,0.1'")]
    [InlineData("A:x=1,1.0", "lists the value 1.0 more than once in 'A:x=1,1.0'")]
    [InlineData("A:=1", "A parameter name is empty in 'A:=1'")]
    [InlineData("A:xx=0.1", "Unknown parameter 'xx' in 'A:xx=0.1' for scenario 'quadratic'. Did you mean 'x'?")]
    [InlineData("A:nn=2", "Unknown parameter 'nn' in 'A:nn=2' for scenario 'quadratic'. Did you mean 'n'?")]
    [InlineData("A:n=2.0", "Parameter 'n' is an integer; got the float 2.0 (write 2). In 'A:n=2.0'")]
    [InlineData("A:n=2.5", "Parameter 'n' is an integer; got the float 2.5. In 'A:n=2.5'")]
    [InlineData("A:x=abc", "Parameter 'x' must be a number; got 'abc'. In 'A:x=abc'")]
    [InlineData("A:x=nan", "non-finite value 'nan' in 'A:x=nan'")]
    [InlineData("A:x=-inf", "non-finite value '-inf' in 'A:x=-inf'")]
    [InlineData("A:x=1.5", "Parameter 'x' = 1.5 is outside its valid range [0, 1]. In 'A:x=1.5'")]
    [InlineData("A:mode=odd", "Parameter 'mode' must be one of plain, fancy; got odd. In 'A:mode=odd'")]
    [InlineData("A:seed=1,2", "'seed' is reserved in 'A:seed=1,2'")]
    [InlineData("A:n_periods=100", "'n_periods' is reserved in 'A:n_periods=100'")]
    [InlineData("a/b:x=0.1", "Label 'a/b' in 'a/b:x=0.1' may only use letters, digits")]
    [InlineData("..:x=0.1", "Label '..' in '..:x=0.1' may only use letters, digits")]
    public void Parse_OddInput_IsRejectedWithAMessageQuotingTheStage(string stage, string expected)
    {
        var errors = new ValidationErrors();

        var parsed = StageParser.Parse(stage, Schema, errors, "stages[0]");

        Assert.Null(parsed);
        Assert.Contains(errors.ToDictionary()["stages[0]"], m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A:x")]
    [InlineData("A:x=")]
    [InlineData("bad/label:x=0.1")]
    public void Parse_OneFault_GivesOneMessage(string stage)
    {
        var errors = new ValidationErrors();

        StageParser.Parse(stage, Schema, errors, "stages[0]");

        Assert.Single(errors.ToDictionary()["stages[0]"]);
    }

    [Fact]
    public void ParseAll_TextAndStructuredStages_FollowTheSameRules()
    {
        var errors = new ValidationErrors();

        StageParser.ParseAll(["A:x=0.1 x=0.2", new StageInput(null, "B", [new GridAxis("n", [3]), new GridAxis("n", [4])])], Schema, errors);

        Assert.Equal(["Parameter 'x' appears twice in 'A:x=0.1 x=0.2'. List all its values once: x=v1,v2."], errors.ToDictionary()["stages[0]"]);
        Assert.Equal(["Parameter 'n' appears twice in 'B:n=3 n=4'. List all its values once: n=v1,v2."], errors.ToDictionary()["stages[1]"]);
    }

    [Fact]
    public void ParseAll_DuplicateLabels_AreRejected()
    {
        var errors = new ValidationErrors();

        StageParser.ParseAll(["A:x=0.1", "B:n=3", "A:n=4"], Schema, errors);

        var message = Assert.Single(errors.ToDictionary()["stages"]);
        Assert.Equal("Label 'A' is used by 2 stages ('A:x=0.1', 'A:n=4'); each stage needs its own label.", message);
    }

    [Fact]
    public void ParseAll_ReportsEveryProblemOfEveryStage()
    {
        var errors = new ValidationErrors();

        var stages = StageParser.ParseAll(["A:xx=0.1 n=2.0", "B:n=3", "C x=1"], Schema, errors);

        Assert.Single(stages);
        var byField = errors.ToDictionary();
        Assert.Equal(2, byField["stages[0]"].Length);
        Assert.Single(byField["stages[2]"]);
        Assert.False(byField.ContainsKey("stages[1]"));
    }

    [Theory]
    [InlineData("7", ParamKind.Int, "7")]
    [InlineData("-3", ParamKind.Int, "-3")]
    [InlineData("007", ParamKind.Int, "7")]
    [InlineData("1.", ParamKind.Float, "1.0")]
    [InlineData(".5", ParamKind.Float, "0.5")]
    [InlineData("1e3", ParamKind.Float, "1000.0")]
    [InlineData("1.0e-2", ParamKind.Float, "0.01")]
    [InlineData("1_000", ParamKind.Text, "1_000")]
    [InlineData("0x10", ParamKind.Text, "0x10")]
    [InlineData("True", ParamKind.Text, "True")]
    [InlineData("vacancies_only", ParamKind.Text, "vacancies_only")]
    public void ValueGrammar_TypesEachItem(string text, ParamKind kind, string printed)
    {
        var value = ValueGrammar.Parse(text);

        Assert.Equal(kind, value.Kind);
        Assert.Equal(printed, value.ToString());
    }
}
