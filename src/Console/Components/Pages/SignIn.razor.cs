using System.ComponentModel.DataAnnotations;
using Mapper.Console.Identity;
using Microsoft.AspNetCore.Components;

namespace Mapper.Console.Components.Pages;

/// <summary>The one server-rendered page: a form POST that checks the password (with lockout) and sets the cookie.</summary>
public sealed partial class SignIn
{
    private const string FailureMessage = SignInService.FailureMessage;

    private bool _failed;

    [SupplyParameterFromForm]
    private SignInInput? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private SignInService Service { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override void OnInitialized() => Input ??= new();

    private async Task SignInAsync()
    {
        if (await Service.SignInWithCookieAsync(Input!.UserName.Trim(), Input.Password) == SignInVerdict.Succeeded)
        {
            Navigation.NavigateTo(SignInEndpoints.SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }

        _failed = true;
        Input.Password = "";
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "User name is required.")]
        [StringLength(256)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Password is required.")]
        [StringLength(1024)]
        public string Password { get; set; } = "";
    }
}
