import PermcheckCore
print(Permcheck.version)
