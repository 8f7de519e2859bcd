# Builds the Windows installer of MailPath (.msi) with its own trimmed Java runtime. Runs only on Windows:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Type msi|exe|app-image]
# Needs: JDK 25 (JAVA_HOME), Maven on PATH, WiX Toolset 3.14 or 4/5 on PATH (jpackage drives it). With WiX 4/5 also
# its Util and UI extensions in the global cache, in wix's own version <v> (`wix --version`):
#   wix extension add -g WixToolset.Util.wixext/<v>      and      wix extension add -g WixToolset.UI.wixext/<v>
# Same steps as installer/build.sh on Linux: jdeps -> jlink (JavaFX from its -win jars) -> jpackage (app image, or
# the installer straight from the jars). Results in target\installer\. Not built in CI (no Windows machine there).
param([ValidateSet('msi', 'exe', 'app-image')] [string] $Type = 'msi')
$ErrorActionPreference = 'Stop'

$root = (Resolve-Path "$PSScriptRoot\..\..").Path
$out = Join-Path $root 'target\installer'
Set-Location $root

function Step($text) { Write-Host "==> $text" }
function Invoke-Checked($exe) {
    & $exe @args
    if ($LASTEXITCODE -ne 0) { throw "$exe failed with exit code $LASTEXITCODE" }
}

if (-not $env:JAVA_HOME -or -not (Select-String -Quiet -Pattern '^JAVA_VERSION="25' -Path "$env:JAVA_HOME\release")) {
    throw 'Set JAVA_HOME to a JDK 25 (for example Temurin 25).'
}
$jdk = $env:JAVA_HOME

# --- jars --------------------------------------------------------------------------------------------------------
$deps = Join-Path $out 'deps'
if (-not (Test-Path 'target\mailpath.jar') -or -not (Test-Path 'target\original-mailpath.jar')) {
    Step 'mvn package (jars missing)'
    Invoke-Checked mvn -B -q -DskipTests package
}
if (-not (Test-Path "$deps\.copied") -or (Get-Item pom.xml).LastWriteTime -gt (Get-Item "$deps\.copied").LastWriteTime) {
    Step 'copy runtime dependencies'
    Remove-Item -Recurse -Force $deps -ErrorAction SilentlyContinue
    Invoke-Checked mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:2.8:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$deps"
    New-Item -ItemType File "$deps\.copied" | Out-Null
}
$version = ((Get-Content 'target\classes\org\mailpath\version.properties') -match '^version=' -replace '^version=', '')
$pkgVersion = [regex]::Match($version, '^\d+(\.\d+){0,2}').Value   # msi: at most three numbers
$description = ([xml](Get-Content pom.xml)).project.description

$fxmods = Join-Path $out 'fxmods'
$appInput = Join-Path $out 'input'
Remove-Item -Recurse -Force $fxmods, $appInput -ErrorAction SilentlyContinue
New-Item -ItemType Directory $fxmods, $appInput | Out-Null
foreach ($jar in Get-ChildItem "$deps\*.jar") {
    if ($jar.Name -match '^javafx-[a-z]+-[0-9.]+-.+\.jar$') { Copy-Item $jar.FullName $fxmods }   # JavaFX with natives
    elseif ($jar.Name -match '^javafx-') { }                                                          # empty stubs
    else { Copy-Item $jar.FullName $appInput }
}
Copy-Item 'target\original-mailpath.jar' "$appInput\mailpath.jar"

# --- jlink ---------------------------------------------------------------------------------------------------------
Step 'jdeps: modules used'
# Windows PowerShell 5.1 turns each redirected stderr line of a native command into an error record, which
# $ErrorActionPreference = 'Stop' makes fatal even with 2>$null (PowerShell/PowerShell#4002; PowerShell 7.1 changed it),
# so the warnings jdeps may print are discarded under 'Continue' and its exit code is checked instead.
$ErrorActionPreference = 'Continue'
$found = (& "$jdk\bin\jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps --module-path $fxmods (Get-ChildItem "$appInput\*.jar").FullName 2>$null | Select-Object -Last 1)
$jdepsExit = $LASTEXITCODE
$ErrorActionPreference = 'Stop'
if ($jdepsExit -ne 0 -or -not $found) { throw "jdeps found no modules (exit code $jdepsExit)" }
$fxAll = Get-ChildItem "$fxmods\*.jar" | ForEach-Object { 'javafx.' + ($_.Name -replace '^javafx-([a-z]+)-.*', '$1') }
$modules = (($found -split ',') + $fxAll + 'jdk.naming.dns' | Sort-Object -Unique) -join ','
# java.base formats dates and numbers for English only: add the locale data of each UI translation, only those
$translations = Get-ChildItem -Recurse src\main\resources -Filter 'messages_*.properties' |
    ForEach-Object { ($_.BaseName -replace '^messages_', '') -replace '_', '-' } | Sort-Object -Unique
$localeOpts = @()
if ($translations) {
    $modules += ',jdk.localedata'
    $localeOpts = @('--include-locales', ((@('en') + $translations) -join ','))
}
Write-Host "    $modules $localeOpts"
$runtime = Join-Path $out 'runtime'
Remove-Item -Recurse -Force $runtime -ErrorAction SilentlyContinue
Step 'jlink runtime'
Invoke-Checked "$jdk\bin\jlink" --module-path $fxmods --add-modules $modules --output $runtime @localeOpts `
    --strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=zip-6
# legal\<module>\ of the linked runtime for each module in it, as add_legal_notices in installer/build.sh does: jlink
# from Temurin's run-time image leaves out some (jdk.localedata's), and JavaFX's platform jars carry none, so OpenJFX's
# license (GPLv2 with the Classpath exception) and javafx.graphics' third-party notices come from the copies kept for
# the jar (src\main\resources\META-INF\licenses\openjfx)
$fxLegal = 'src\main\resources\META-INF\licenses\openjfx'
$modulesLine = Select-String -LiteralPath "$runtime\release" -Pattern '^MODULES="([^"]*)"' | Select-Object -First 1
if (-not $modulesLine) { throw "no MODULES line in $runtime\release" }
foreach ($module in ($modulesLine.Matches[0].Groups[1].Value -split '\s+' | Where-Object { $_ })) {
    $legal = Join-Path $runtime "legal\$module"
    if (Test-Path $legal) { continue }
    New-Item -ItemType Directory $legal | Out-Null
    if ($module -like 'javafx.*') {
        Copy-Item "$fxLegal\LICENSE" $legal
    } else {
        if (-not (Test-Path "$jdk\legal\$module")) { throw "no legal notices for $module in $jdk\legal" }
        Copy-Item -Recurse "$jdk\legal\$module\*" $legal
    }
}
if (Test-Path "$runtime\legal\javafx.graphics") { Copy-Item "$fxLegal\*.md" "$runtime\legal\javafx.graphics" }

# --- app image or installer -----------------------------------------------------------------------------------------
$common = @('--name', 'MailPath', '--app-version', $pkgVersion, '--vendor', 'MailPath', '--description', $description,
            '--copyright', 'Copyright MailPath contributors, Apache-2.0', '--icon', 'assets\icon\mailpath.ico')
$appOpts = @('--input', $appInput, '--main-jar', 'mailpath.jar', '--main-class', 'org.mailpath.launcher.Launcher',
            '--runtime-image', $runtime, '--java-options', '--enable-native-access=javafx.graphics,ALL-UNNAMED',
            '--add-launcher', 'mailpath-cli=installer\windows\mailpath-cli.properties')
if ($Type -eq 'app-image') {
    $image = Join-Path $out 'MailPath'
    Remove-Item -Recurse -Force $image -ErrorAction SilentlyContinue
    Step 'jpackage app-image'
    Invoke-Checked "$jdk\bin\jpackage" --type app-image --dest $out @common @appOpts
    Write-Host ("    app image size: {0:N0} MB" -f ((Get-ChildItem -Recurse $image | Measure-Object Length -Sum).Sum / 1MB))
    exit 0
}

# The installer is made from the jars in one step, not from an app image (--app-image): JDK 25 does not record an
# added launcher's shortcut settings in the app image's .jpackage.xml (JDK-8364564), so mailpath-cli would get the
# desktop and Start menu shortcuts that --win-shortcut/--win-menu ask for the main launcher.
# WiX 4/5 (wix.exe): jpackage runs `wix build -ext WixToolset.Util.wixext -ext WixToolset.UI.wixext` (the UI one for
# the licence, directory and shortcut dialogs), and wix finds extensions only in its cache. Checked here, so a
# missing one is named before the long jpackage run instead of deep in WiX's output.
if (Get-Command wix -ErrorAction SilentlyContinue) {
    $ErrorActionPreference = 'Continue'
    $wixExtensions = (& wix extension list -g 2>$null) -join "`n"
    $ErrorActionPreference = 'Stop'
    foreach ($ext in 'WixToolset.Util.wixext', 'WixToolset.UI.wixext') {
        if ($wixExtensions -notmatch [regex]::Escape($ext)) {
            throw "WiX extension $ext is missing: wix extension add -g $ext/<the version wix --version prints>"
        }
    }
}
Step "jpackage $Type"
Remove-Item -Force "$out\MailPath-*.$Type" -ErrorAction SilentlyContinue
Invoke-Checked "$jdk\bin\jpackage" --type $Type --dest $out @common @appOpts `
    --license-file LICENSE --about-url 'https://github.com/mailpath/mailpath' `
    --file-associations 'installer\windows\csv-association.properties' `
    --win-menu --win-menu-group 'MailPath' --win-shortcut --win-dir-chooser --win-shortcut-prompt `
    --win-upgrade-uuid '7c1f4e2a-5b8d-4f3e-9a61-2d0c8b7e4a15'   # fixed forever: lets a newer msi replace an older one
Get-ChildItem "$out\*.$Type" | ForEach-Object { Write-Host ("    {0}: {1:N1} MB" -f $_.Name, ($_.Length / 1MB)) }
