using Syndicator.Core.Compliance;

namespace Syndicator.Core.Tests.Compliance;

public sealed class PersonalNumbersTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static List<PersonalNumber> Find(string text) => PersonalNumbers.Find(text, Today).ToList();

    [Theory]
    [InlineData("350102199003071234", "35*************234")]
    [InlineData("11010519491231002X", "11*************02X")]
    [InlineData("11010519491231002x", "11*************02X")]
    [InlineData("440304200002293311", "44*************311")]
    public void Find_ValidResidentId_ReportedMasked(string id, string masked)
    {
        var found = Assert.Single(Find($"申请人身份证号{id}，住址桐乡市梧桐街道。"));

        Assert.Equal((PersonalNumberKind.ResidentId, masked), (found.Kind, found.Masked));
        Assert.Equal(7, found.Index);
    }

    [Theory]
    [InlineData("350102199003071230")] // wrong check digit, fails Luhn as well
    [InlineData("350102199003071235")] // wrong check digit
    [InlineData("350102199002301234")] // 30 February
    [InlineData("350102203003071234")] // born in 2030
    public void Find_IdShapedButNotValid_NothingReported(string digits)
    {
        Assert.Empty(Find($"编号{digits}。"));
    }

    [Fact]
    public void Find_ValidIdInsideALongerRun_NothingReported()
    {
        Assert.Empty(Find("流水号 9350102199003071234 与 3501021990030712345"));
    }

    [Fact]
    public void Find_ValidIdInFullWidthDigits_Reported()
    {
        Assert.Equal("35*************234", Assert.Single(Find("３５０１０２１９９００３０７１２３４")).Masked);
    }

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("19900001111", "199****1111")]
    public void Find_MobileNumber_ReportedMasked(string mobile, string masked)
    {
        var found = Assert.Single(Find($"联系电话：{mobile}。"));

        Assert.Equal((PersonalNumberKind.Mobile, masked), (found.Kind, found.Masked));
    }

    [Fact]
    public void Find_MobileWithCountryCode_Reported()
    {
        Assert.Equal("138****1234", Assert.Single(Find("电话 +8613812341234")).Masked);
    }

    [Theory]
    [InlineData("12812341234")] // 12x is no mobile prefix
    [InlineData("138123412345")] // 12 digits
    [InlineData("913812341234")] // inside a longer run
    [InlineData("1381234123")] // 10 digits
    [InlineData("0573-88888888")] // a landline
    public void Find_NotAMobile_NothingReported(string text)
    {
        Assert.Empty(Find(text));
    }

    [Theory]
    [InlineData("6222021234567894", "6222********7894")]
    [InlineData("6228480012345678903", "6228***********8903")]
    public void Find_BankCardPassingLuhn_ReportedMasked(string card, string masked)
    {
        var found = Assert.Single(Find($"收款账号：{card}"));

        Assert.Equal((PersonalNumberKind.BankCard, masked), (found.Kind, found.Masked));
    }

    [Theory]
    [InlineData("6222021234567895")] // fails Luhn
    [InlineData("62220212345678941234")] // 20 digits
    [InlineData("622202123456789")] // 15 digits
    public void Find_NotABankCard_NothingReported(string digits)
    {
        Assert.Empty(Find(digits));
    }

    [Fact]
    public void Find_SeveralNumbersInOneText_EachOnceInOrder()
    {
        var found = Find("张三 350102199003071234 电话13812341234 卡号6222021234567894");

        Assert.Equal([PersonalNumberKind.ResidentId, PersonalNumberKind.Mobile, PersonalNumberKind.BankCard], found.Select(f => f.Kind));
    }

    [Fact]
    public void Find_ALongDigitRun_TakesLinearTime()
    {
        var text = new string('1', 5_000_000) + " 13812341234";

        var started = System.Diagnostics.Stopwatch.StartNew();
        var found = Find(text);

        Assert.Single(found);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData("35010219900307123", '4')]
    [InlineData("11010519491231002", 'X')]
    public void CheckCharacter_Iso7064Mod11_2(string first17, char expected)
    {
        Assert.Equal(expected, ResidentIds.CheckCharacter(first17));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    public void Luhn_KnownNumbers(string digits, bool valid)
    {
        Assert.Equal(valid, Luhn.IsValid(digits));
    }
}
