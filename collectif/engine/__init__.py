"""What commands share beyond reading files and running checks: evaluating a state and comparing
two (`evaluate`), recording a change as a commit (`write`), telling history in words (`story`).
"""
