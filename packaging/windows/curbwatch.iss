; Inno Setup 6 script for Curbwatch on Windows (64-bit).
;
; Build on Windows, from the repository root, after the PyInstaller bundle exists:
;   py -m venv build\venv
;   build\venv\Scripts\pip install ".[build]"
;   build\venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\curbwatch.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\curbwatch.iss
; Output: dist\curbwatch-<version>-setup.exe
;
; Not built or run on the Linux build machine: kept correct by review (see packaging/README.md).
;
; Chinese: the interface can be in Simplified Chinese (View > Language, or the Windows display
; language). No font is installed: Windows 10/11 ship Microsoft YaHei and SimSun, which Qt uses
; for Chinese text. The catalogue (resources\translations\curbwatch_zh_CN.qm) is part of the
; PyInstaller bundle copied below.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Curbwatch"
#define AppExeName "curbwatch.exe"
#define RepoRoot "..\.."

[Setup]
; Never change AppId: Windows uses it to find the installed copy for upgrades and uninstalls.
AppId={{3F9EB332-F29A-4ECB-99D8-F496410CF75F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Curbwatch developers
AppPublisherURL=https://github.com/curbwatch/curbwatch
AppSupportURL=https://github.com/curbwatch/curbwatch/issues
VersionInfoVersion={#AppVersion}
; Per-user install by default (no administrator rights, goes to %LOCALAPPDATA%\Programs);
; the dialog lets an administrator choose an all-users install instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#RepoRoot}\resources\icons\curbwatch.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#RepoRoot}\dist
OutputBaseFilename=curbwatch-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before replacing its files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle: curbwatch.exe and _internal\ (data, resources, Qt).
Source: "{#RepoRoot}\dist\curbwatch\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; {autoprograms} is the user's Start menu for a per-user install, the common one otherwise.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Offline reference for China's 2025 export controls"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app}. The user's edits live in %LOCALAPPDATA%\curbwatch
; (platformdirs) and are deliberately left alone: uninstalling must never lose them.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
